package io.tidemark.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether data written with one schema can be read with another, by the rules of DESIGN.md:
 * fields matched by name or alias; a removed field is skipped; an added field needs a default unless
 * it is optional; the widenings of {@link PrimitiveSchema#promotesTo}; enum symbols matched by name, a
 * removed one needing the reader's default symbol; {@code T} may become optional but not back; the
 * same rules inside lists, sets, maps, optionals and KVs; record names do not matter.
 *
 * <p>{@link #checkKey} applies the rules to the schema of state keys, where a change that can merge two
 * distinct old keys into one is also an error: it would silently fold two states together.
 *
 * <p>The resolving readers of {@link Serializer#readerFor} accept exactly the pairs this class calls
 * compatible.
 */
public final class Compatibility {

  private final List<Finding> findings = new ArrayList<>();
  private final boolean key;

  private Compatibility(boolean key) {
    this.key = key;
  }

  /** Whether values written with {@code writer} can be read with {@code reader}; paths start at {@code root}. */
  public static CompatibilityReport check(String root, Schema writer, Schema reader) {
    return new Compatibility(false).run(root, writer, reader);
  }

  /** Like {@link #check}, for the key of keyed state: changes that can merge distinct old keys are errors. */
  public static CompatibilityReport checkKey(String root, Schema writer, Schema reader) {
    return new Compatibility(true).run(root, writer, reader);
  }

  private CompatibilityReport run(String root, Schema writer, Schema reader) {
    compare(root, writer, reader);
    Verdict verdict;
    if (findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR)) {
      verdict = Verdict.INCOMPATIBLE;
    } else if (CanonicalForm.of(writer).equals(CanonicalForm.of(reader))) {
      verdict = Verdict.AS_IS;
    } else {
      verdict = Verdict.AFTER_MIGRATION;
    }
    return new CompatibilityReport(verdict, findings);
  }

  private void compare(String path, Schema writer, Schema reader) {
    if (writer instanceof OptionalSchema w) {
      if (reader instanceof OptionalSchema r) {
        compare(path, w.value(), r.value());
      } else {
        report(FindingKind.OPTIONAL_MADE_REQUIRED, path, w.value().describe());
      }
    } else if (reader instanceof OptionalSchema r) {
      report(FindingKind.MADE_OPTIONAL, path, writer.describe());
      compare(path, writer, r.value());
    } else if (writer instanceof PrimitiveSchema w && reader instanceof PrimitiveSchema r) {
      comparePrimitives(path, w, r);
    } else if (writer instanceof EnumSchema w && reader instanceof EnumSchema r) {
      compareEnums(path, w, r);
    } else if (writer instanceof ListSchema w && reader instanceof ListSchema r) {
      compare(path + "[]", w.element(), r.element());
    } else if (writer instanceof SetSchema w && reader instanceof SetSchema r) {
      compare(path + "[]", w.element(), r.element());
    } else if (writer instanceof MapSchema w && reader instanceof MapSchema r) {
      compareKeyAndValue(path, w.key(), w.value(), r.key(), r.value());
    } else if (writer instanceof KVSchema w && reader instanceof KVSchema r) {
      compareKeyAndValue(path, w.key(), w.value(), r.key(), r.value());
    } else if (writer instanceof RecordSchema w && reader instanceof RecordSchema r) {
      compareRecords(path, w, r);
    } else {
      report(FindingKind.TYPE_CHANGED, path, writer.describe(), reader.describe());
    }
  }

  private void comparePrimitives(String path, PrimitiveSchema writer, PrimitiveSchema reader) {
    if (writer == reader) {
      return;
    }
    if (writer.promotesTo(reader)) {
      report(key && writer.promotionMayMerge(reader) ? FindingKind.KEY_LOSSY_PROMOTION : FindingKind.TYPE_PROMOTED,
          path, writer.describe(), reader.describe());
    } else if (reader.promotesTo(writer)) {
      report(FindingKind.TYPE_NARROWED, path, writer.describe(), reader.describe());
    } else {
      report(FindingKind.TYPE_CHANGED, path, writer.describe(), reader.describe());
    }
  }

  private void compareEnums(String path, EnumSchema writer, EnumSchema reader) {
    if (!writer.name().equals(reader.name())) {
      report(FindingKind.ENUM_RENAMED, path, writer.name(), reader.name());
    }
    List<String> removed = new ArrayList<>();
    for (String symbol : writer.symbols()) {
      if (!reader.symbols().contains(symbol)) {
        removed.add(symbol);
      }
    }
    for (String symbol : reader.symbols()) {
      if (!writer.symbols().contains(symbol)) {
        report(FindingKind.ENUM_SYMBOL_ADDED, path, symbol);
      }
    }
    List<String> kept = writer.symbols().stream().filter(reader.symbols()::contains).toList();
    if (!kept.equals(reader.symbols().stream().filter(writer.symbols()::contains).toList())) {
      report(FindingKind.ENUM_SYMBOLS_REORDERED, path);
    }
    String fallback = reader.defaultSymbol();
    if (fallback == null) {
      removed.forEach(symbol -> report(FindingKind.ENUM_SYMBOL_REMOVED, path, symbol));
      return;
    }
    // In a key, symbols read as the default merge when two of them do, or when the default already was one.
    if (key && (removed.size() > 1 || (!removed.isEmpty() && writer.symbols().contains(fallback)))) {
      report(FindingKind.KEY_SYMBOLS_MERGED, path, removed, fallback);
      return;
    }
    removed.forEach(symbol -> report(FindingKind.ENUM_SYMBOL_REMOVED_TO_DEFAULT, path, symbol, fallback));
  }

  private void compareKeyAndValue(String path, Schema writerKey, Schema writerValue, Schema readerKey,
      Schema readerValue) {
    compare(path + ".key", writerKey, readerKey);
    compare(path + ".value", writerValue, readerValue);
  }

  private void compareRecords(String path, RecordSchema writer, RecordSchema reader) {
    if (!writer.name().equals(reader.name())) {
      report(FindingKind.RECORD_RENAMED, path, writer.name(), reader.name());
    }
    List<Field> matched = new ArrayList<>();
    for (Field readerField : reader.fields()) {
      String fieldPath = path + "." + readerField.name();
      Field writerField = writer.fieldReadBy(readerField);
      if (writerField == null) {
        if (readerField.defaultValue().isPresent()) {
          report(FindingKind.FIELD_ADDED_WITH_DEFAULT, fieldPath, readerField.name());
        } else if (readerField.schema() instanceof OptionalSchema) {
          report(FindingKind.FIELD_ADDED_OPTIONAL, fieldPath, readerField.name());
        } else {
          report(FindingKind.FIELD_ADDED_WITHOUT_DEFAULT, fieldPath, readerField.name());
        }
        continue;
      }
      if (!writerField.name().equals(readerField.name())) {
        report(FindingKind.FIELD_RENAMED, fieldPath, writerField.name(), readerField.name());
      }
      matched.add(writerField);
      compare(fieldPath, writerField.schema(), readerField.schema());
    }
    for (Field writerField : writer.fields()) {
      if (!matched.contains(writerField)) {
        report(key ? FindingKind.KEY_FIELD_REMOVED : FindingKind.FIELD_REMOVED,
            path + "." + writerField.name(), writerField.name());
      }
    }
    if (!writer.fields().stream().filter(matched::contains).toList().equals(matched)) {
      report(FindingKind.FIELDS_REORDERED, path);
    }
  }

  private void report(FindingKind kind, String path, Object... arguments) {
    findings.add(kind.at(path, arguments));
  }
}
