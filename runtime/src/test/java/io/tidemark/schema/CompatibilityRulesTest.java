package io.tidemark.schema;

import static io.tidemark.schema.Serializers.doubles;
import static io.tidemark.schema.Serializers.ints;
import static io.tidemark.schema.Serializers.list;
import static io.tidemark.schema.Serializers.longs;
import static io.tidemark.schema.Serializers.map;
import static io.tidemark.schema.Serializers.optional;
import static io.tidemark.schema.Serializers.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.function.KV;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per compatibility rule of DESIGN.md, in each direction: the verdict and findings of {@link
 * Compatibility}, and, for what is readable, the value read by writing with the old serializer and
 * reading with the new one.
 */
class CompatibilityRulesTest {

  record StatsV1(long total, long lastSeen) {}

  record StatsV2(long total, long maxPerBatch, long lastBatch) {}

  static final Serializer<StatsV1> STATS_V1 = RecordSerializer.builder(StatsV1.class)
      .field("total", longs(), StatsV1::total)
      .field("lastSeen", longs(), StatsV1::lastSeen)
      .build(v -> new StatsV1(v.get(0), v.get(1)));

  /** The DESIGN.md example: maxPerBatch added with a default, lastSeen renamed with an alias. */
  static final Serializer<StatsV2> STATS_V2 = RecordSerializer.builder(StatsV2.class)
      .field("total", longs(), StatsV2::total)
      .field("maxPerBatch", longs(), StatsV2::maxPerBatch).withDefault(0L)
      .field("lastBatch", longs(), StatsV2::lastBatch).aliases("lastSeen")
      .build(v -> new StatsV2(v.get(0), v.get(1), v.get(2)));

  static <W, R> R writeOldReadNew(Serializer<W> old, W value, Serializer<R> current) {
    Encoder out = new Encoder();
    old.write(out, value);
    Decoder in = Decoder.of(out.toByteArray());
    R read = current.read(in, old.schema());
    assertThat(in.isAtEnd()).as("the whole value is consumed").isTrue();
    return read;
  }

  static CompatibilityReport check(Serializer<?> old, Serializer<?> current) {
    return Compatibility.check("totals", old.schema(), current.schema());
  }

  /** The findings that change how data is read: record renames (INFO) aside. */
  static List<Finding> changes(CompatibilityReport report) {
    return report.findings().stream().filter(finding -> finding.severity() != Severity.INFO).toList();
  }

  static List<FindingKind> kinds(CompatibilityReport report) {
    return changes(report).stream().map(Finding::kind).toList();
  }

  @Nested
  class Fields {

    record Total(long total) {}

    record TotalAndCount(long total, int count) {}

    record TotalAndNote(long total, Optional<String> note) {}

    record CountAndTotal(int count, long total) {}

    final Serializer<Total> total = RecordSerializer.builder(Total.class)
        .field("total", longs(), Total::total)
        .build(v -> new Total(v.get(0)));

    @Test
    void addedFieldWithDefaultReadsTheDefault() {
      Serializer<TotalAndCount> withDefault = RecordSerializer.builder(TotalAndCount.class)
          .field("total", longs(), TotalAndCount::total)
          .field("count", ints(), TotalAndCount::count).withDefault(-1)
          .build(v -> new TotalAndCount(v.get(0), v.get(1)));

      CompatibilityReport report = check(total, withDefault);
      assertThat(report.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(changes(report)).singleElement().satisfies(finding -> {
        assertThat(finding.kind()).isEqualTo(FindingKind.FIELD_ADDED_WITH_DEFAULT);
        assertThat(finding.path()).isEqualTo("totals.count");
        assertThat(finding.severity()).isEqualTo(Severity.MIGRATION);
      });
      assertThat(writeOldReadNew(total, new Total(42), withDefault)).isEqualTo(new TotalAndCount(42, -1));
    }

    @Test
    void removedFieldIsSkipped() {
      Serializer<TotalAndCount> longer = RecordSerializer.builder(TotalAndCount.class)
          .field("total", longs(), TotalAndCount::total)
          .field("count", ints(), TotalAndCount::count)
          .build(v -> new TotalAndCount(v.get(0), v.get(1)));

      CompatibilityReport report = check(longer, total);
      assertThat(report.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(kinds(report)).containsExactly(FindingKind.FIELD_REMOVED);
      assertThat(changes(report).get(0).path()).isEqualTo("totals.count");
      assertThat(writeOldReadNew(longer, new TotalAndCount(42, 7), total)).isEqualTo(new Total(42));
    }

    @Test
    void addedFieldWithoutDefaultIsIncompatibleAndSaysToAddDefault() {
      Serializer<TotalAndCount> noDefault = RecordSerializer.builder(TotalAndCount.class)
          .field("total", longs(), TotalAndCount::total)
          .field("count", ints(), TotalAndCount::count)
          .build(v -> new TotalAndCount(v.get(0), v.get(1)));

      CompatibilityReport report = check(total, noDefault);
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(changes(report)).singleElement().satisfies(finding -> {
        assertThat(finding.kind()).isEqualTo(FindingKind.FIELD_ADDED_WITHOUT_DEFAULT);
        assertThat(finding.path()).isEqualTo("totals.count");
        assertThat(finding.fix()).isEqualTo("add @Default to count, or make it Optional");
      });
      assertThatThrownBy(() -> noDefault.readerFor(total.schema()))
          .isInstanceOf(IncompatibleSchemaException.class)
          .hasMessageContaining("add @Default to count");
    }

    @Test
    void addedOptionalFieldReadsAsEmpty() {
      Serializer<TotalAndNote> withNote = RecordSerializer.builder(TotalAndNote.class)
          .field("total", longs(), TotalAndNote::total)
          .field("note", optional(strings()), TotalAndNote::note)
          .build(v -> new TotalAndNote(v.get(0), v.get(1)));

      assertThat(kinds(check(total, withNote))).containsExactly(FindingKind.FIELD_ADDED_OPTIONAL);
      assertThat(check(total, withNote).verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(writeOldReadNew(total, new Total(5), withNote)).isEqualTo(new TotalAndNote(5, Optional.empty()));
      // and back: the optional field is removed, which is fine
      assertThat(check(withNote, total).verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(writeOldReadNew(withNote, new TotalAndNote(5, Optional.of("n")), total)).isEqualTo(new Total(5));
    }

    @Test
    void aliasReadsTheRenamedField() {
      CompatibilityReport report = check(STATS_V1, STATS_V2);
      assertThat(report.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(kinds(report)).containsExactlyInAnyOrder(
          FindingKind.FIELD_ADDED_WITH_DEFAULT, FindingKind.FIELD_RENAMED);
      assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.FIELD_RENAMED)
          .singleElement().extracting(Finding::path).isEqualTo("totals.lastBatch");
      assertThat(writeOldReadNew(STATS_V1, new StatsV1(10, 3), STATS_V2)).isEqualTo(new StatsV2(10, 0, 3));
    }

    @Test
    void renameBackWithoutAliasIsIncompatible() {
      // StatsV1 has no alias for lastBatch, so lastSeen is a field added without a default.
      CompatibilityReport report = check(STATS_V2, STATS_V1);
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(kinds(report)).contains(FindingKind.FIELD_ADDED_WITHOUT_DEFAULT, FindingKind.FIELD_REMOVED);
    }

    @Test
    void reorderedFieldsAreReadByName() {
      Serializer<TotalAndCount> totalFirst = RecordSerializer.builder(TotalAndCount.class)
          .field("total", longs(), TotalAndCount::total)
          .field("count", ints(), TotalAndCount::count)
          .build(v -> new TotalAndCount(v.get(0), v.get(1)));
      Serializer<CountAndTotal> countFirst = RecordSerializer.builder(CountAndTotal.class)
          .field("count", ints(), CountAndTotal::count)
          .field("total", longs(), CountAndTotal::total)
          .build(v -> new CountAndTotal(v.get(0), v.get(1)));

      assertThat(kinds(check(totalFirst, countFirst))).contains(FindingKind.FIELDS_REORDERED);
      assertThat(check(totalFirst, countFirst).verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(writeOldReadNew(totalFirst, new TotalAndCount(9, 2), countFirst)).isEqualTo(new CountAndTotal(2, 9));
      assertThat(writeOldReadNew(countFirst, new CountAndTotal(2, 9), totalFirst)).isEqualTo(new TotalAndCount(9, 2));
    }

    @Test
    void recordRenameIsAsIsAndReadsOnTheFastPath() {
      Serializer<Total> renamed = RecordSerializer.<Total>builder("Renamed")
          .field("total", longs(), Total::total)
          .build(v -> new Total(v.get(0)));

      CompatibilityReport report = check(total, renamed);
      assertThat(report.verdict()).isEqualTo(Verdict.AS_IS);
      assertThat(report.findings()).singleElement().satisfies(finding -> {
        assertThat(finding.kind()).isEqualTo(FindingKind.RECORD_RENAMED);
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
      });
      assertThat(renamed.fingerprint()).isEqualTo(total.fingerprint());
      assertThat(writeOldReadNew(total, new Total(1), renamed)).isEqualTo(new Total(1));
    }
  }

  @Nested
  class Promotions {

    static Stream<Arguments> allowed() {
      byte[] utf8 = "héllo".getBytes(StandardCharsets.UTF_8);
      return Stream.of(
          Arguments.of(ints(), -7, longs(), -7L),
          Arguments.of(ints(), -7, Serializers.floats(), -7f),
          Arguments.of(ints(), -7, doubles(), -7d),
          Arguments.of(longs(), 1L << 40, Serializers.floats(), (float) (1L << 40)),
          Arguments.of(longs(), 1L << 40, doubles(), (double) (1L << 40)),
          Arguments.of(Serializers.floats(), 1.5f, doubles(), 1.5d),
          Arguments.of(strings(), "héllo", Serializers.bytes(), utf8),
          Arguments.of(Serializers.bytes(), utf8, strings(), "héllo"));
    }

    @ParameterizedTest
    @MethodSource("allowed")
    <W, R> void widensWhileReading(Serializer<W> writer, W value, Serializer<R> reader, R expected) {
      CompatibilityReport report = check(writer, reader);
      assertThat(report.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(kinds(report)).containsExactly(FindingKind.TYPE_PROMOTED);
      assertThat(writeOldReadNew(writer, value, reader)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("allowed")
    <W, R> void narrowingBackIsIncompatible(Serializer<W> writer, W value, Serializer<R> reader, R expected) {
      if (writer.schema() == PrimitiveSchema.STRING || writer.schema() == PrimitiveSchema.BYTES) {
        return; // string↔bytes goes both ways
      }
      CompatibilityReport report = check(reader, writer);
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(changes(report)).singleElement().satisfies(finding -> {
        assertThat(finding.kind()).isEqualTo(FindingKind.TYPE_NARROWED);
        assertThat(finding.fix()).startsWith("keep " + reader.schema().describe());
      });
    }

    @Test
    void promotionTableIsExactlyTheDesignOne() {
      StringBuilder table = new StringBuilder();
      for (PrimitiveSchema from : PrimitiveSchema.values()) {
        for (PrimitiveSchema to : PrimitiveSchema.values()) {
          if (from != to && from.promotesTo(to)) {
            table.append(from.typeName()).append("→").append(to.typeName()).append(' ');
          }
        }
      }
      assertThat(table.toString().trim()).isEqualTo(
          "int→long int→float int→double long→float long→double float→double string→bytes bytes→string");
    }

    @Test
    void unrelatedTypesAreIncompatible() {
      CompatibilityReport report = check(strings(), longs());
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(kinds(report)).containsExactly(FindingKind.TYPE_CHANGED);
      assertThat(kinds(check(list(longs()), Serializers.set(longs())))).containsExactly(FindingKind.TYPE_CHANGED);
      assertThat(kinds(check(Serializers.booleans(), ints()))).containsExactly(FindingKind.TYPE_CHANGED);
    }
  }

  @Nested
  class Enums {

    enum ColorV1 { RED, GREEN, BLUE }

    enum ColorV2 { BLUE, RED, GREEN, YELLOW }

    enum ColorV3 { RED, GREEN }

    enum ColorV4 { UNKNOWN, RED, GREEN }

    @Test
    void addedAndReorderedSymbolsAreReadByName() {
      Serializer<ColorV1> v1 = Serializers.enums(ColorV1.class);
      Serializer<ColorV2> v2 = Serializers.enums(ColorV2.class);

      CompatibilityReport report = check(v1, v2);
      assertThat(report.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(kinds(report)).contains(FindingKind.ENUM_SYMBOL_ADDED, FindingKind.ENUM_SYMBOLS_REORDERED);
      for (ColorV1 color : ColorV1.values()) {
        assertThat(writeOldReadNew(v1, color, v2).name()).isEqualTo(color.name());
      }
    }

    @Test
    void removedSymbolWithoutDefaultIsIncompatible() {
      CompatibilityReport report = check(Serializers.enums(ColorV1.class), Serializers.enums(ColorV3.class));
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(report.errors()).singleElement().satisfies(finding -> {
        assertThat(finding.kind()).isEqualTo(FindingKind.ENUM_SYMBOL_REMOVED);
        assertThat(finding.message()).contains("BLUE");
        assertThat(finding.fix()).contains("declare a default symbol");
      });
      // the other way round a symbol is added
      assertThat(check(Serializers.enums(ColorV3.class), Serializers.enums(ColorV1.class)).verdict())
          .isEqualTo(Verdict.AFTER_MIGRATION);
    }

    @Test
    void removedSymbolReadsAsTheDefaultSymbol() {
      Serializer<ColorV1> v1 = Serializers.enums(ColorV1.class);
      Serializer<ColorV4> v4 = Serializers.enums(ColorV4.class, ColorV4.UNKNOWN);

      CompatibilityReport report = check(v1, v4);
      assertThat(report.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(kinds(report)).contains(FindingKind.ENUM_SYMBOL_REMOVED_TO_DEFAULT);
      assertThat(writeOldReadNew(v1, ColorV1.BLUE, v4)).isEqualTo(ColorV4.UNKNOWN);
      assertThat(writeOldReadNew(v1, ColorV1.GREEN, v4)).isEqualTo(ColorV4.GREEN);
    }

    @Test
    void changingOnlyTheDefaultSymbolIsAsIs() {
      EnumSchema plain = Schema.enumOf("Color", "RED", "GREEN");
      assertThat(Compatibility.check("c", plain, plain.withDefaultSymbol("RED")).verdict()).isEqualTo(Verdict.AS_IS);
    }
  }

  @Nested
  class Optionals {

    @Test
    void valueBecomingOptionalReadsAsPresent() {
      CompatibilityReport report = check(longs(), optional(longs()));
      assertThat(report.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(kinds(report)).containsExactly(FindingKind.MADE_OPTIONAL);
      assertThat(writeOldReadNew(longs(), 3L, optional(longs()))).contains(3L);
      assertThat(writeOldReadNew(ints(), 3, Serializers.nullable(longs()))).isEqualTo(3L);
    }

    @Test
    void optionalBecomingRequiredIsIncompatible() {
      CompatibilityReport report = check(optional(longs()), longs());
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(changes(report)).singleElement().satisfies(finding -> {
        assertThat(finding.kind()).isEqualTo(FindingKind.OPTIONAL_MADE_REQUIRED);
        assertThat(finding.fix()).isEqualTo("keep it Optional (or nullable)");
      });
    }

    @Test
    void rulesApplyInsideOptionals() {
      assertThat(writeOldReadNew(optional(ints()), Optional.of(4), optional(doubles()))).contains(4d);
      assertThat(writeOldReadNew(optional(ints()), Optional.empty(), optional(doubles()))).isEmpty();
      assertThat(check(optional(doubles()), optional(ints())).verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    }
  }

  @Nested
  class Containers {

    record Entry(long total) {}

    record EntryV2(long total, long maxPerBatch) {}

    final Serializer<Entry> entry = RecordSerializer.builder(Entry.class)
        .field("total", longs(), Entry::total)
        .build(v -> new Entry(v.get(0)));

    final Serializer<EntryV2> entryV2 = RecordSerializer.builder(EntryV2.class)
        .field("total", longs(), EntryV2::total)
        .field("maxPerBatch", longs(), EntryV2::maxPerBatch).withDefault(0L)
        .build(v -> new EntryV2(v.get(0), v.get(1)));

    @Test
    void insideLists() {
      assertThat(writeOldReadNew(list(ints()), List.of(1, -2), list(longs()))).containsExactly(1L, -2L);
      assertThat(writeOldReadNew(list(entry), List.of(new Entry(1)), list(entryV2))).containsExactly(new EntryV2(1, 0));
      CompatibilityReport narrowing = check(list(longs()), list(ints()));
      assertThat(narrowing.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(narrowing.findings().get(0).path()).isEqualTo("totals[]");
    }

    @Test
    void insideSets() {
      assertThat(writeOldReadNew(Serializers.set(ints()), Set.of(1, 2), Serializers.set(longs()))).containsOnly(1L, 2L);
      assertThat(check(Serializers.set(longs()), Serializers.set(ints())).verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    }

    @Test
    void insideMaps() {
      Map<String, Entry> old = Map.of("a", new Entry(1), "b", new Entry(2));
      assertThat(writeOldReadNew(map(strings(), entry), old, map(Serializers.bytes(), entryV2)))
          .hasSize(2).containsValues(new EntryV2(1, 0), new EntryV2(2, 0));
      assertThat(writeOldReadNew(map(ints(), ints()), Map.of(1, 2), map(longs(), doubles()))).containsEntry(1L, 2d);
      CompatibilityReport report = check(map(strings(), longs()), map(strings(), ints()));
      assertThat(changes(report)).singleElement().extracting(Finding::path).isEqualTo("totals.value");
    }

    @Test
    void insideKVs() {
      KV<String, Entry> old = KV.of("word", new Entry(7));
      assertThat(writeOldReadNew(KV.serializer(strings(), entry), old, KV.serializer(strings(), entryV2))).isEqualTo(KV.of("word", new EntryV2(7, 0)));
      assertThat(writeOldReadNew(KV.serializer(ints(), ints()), KV.of(1, 2), KV.serializer(longs(), optional(ints())))).isEqualTo(KV.of(1L, Optional.of(2)));

      Serializer<KV<String, EntryV2>> noDefault = KV.serializer(strings(), RecordSerializer.builder(EntryV2.class)
          .field("total", longs(), EntryV2::total)
          .field("maxPerBatch", longs(), EntryV2::maxPerBatch)
          .build(v -> new EntryV2(v.get(0), v.get(1))));
      CompatibilityReport report = check(KV.serializer(strings(), entry), noDefault);
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(report.errors()).singleElement().satisfies(finding -> {
        assertThat(finding.path()).isEqualTo("totals.value.maxPerBatch");
        assertThat(finding.fix()).isEqualTo("add @Default to maxPerBatch, or make it Optional");
      });
    }
  }

  @Nested
  class Keys {

    record Key(String word, int shard) {}

    record WordKey(String word) {}

    final Serializer<Key> key = RecordSerializer.builder(Key.class)
        .field("word", strings(), Key::word)
        .field("shard", ints(), Key::shard)
        .build(v -> new Key(v.get(0), v.get(1)));

    final Serializer<WordKey> wordKey = RecordSerializer.builder(WordKey.class)
        .field("word", strings(), WordKey::word)
        .build(v -> new WordKey(v.get(0)));

    @Test
    void removedKeyFieldMergesKeys() {
      assertThat(Compatibility.check("totals.key", key.schema(), wordKey.schema()).verdict())
          .isEqualTo(Verdict.AFTER_MIGRATION);
      CompatibilityReport report = Compatibility.checkKey("totals.key", key.schema(), wordKey.schema());
      assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
      assertThat(changes(report)).singleElement().satisfies(finding -> {
        assertThat(finding.kind()).isEqualTo(FindingKind.KEY_FIELD_REMOVED);
        assertThat(finding.path()).isEqualTo("totals.key.shard");
      });
    }

    @Test
    void addedKeyFieldWithDefaultKeepsKeysDistinct() {
      Serializer<Key> withShard = RecordSerializer.builder(Key.class)
          .field("word", strings(), Key::word)
          .field("shard", ints(), Key::shard).withDefault(0)
          .build(v -> new Key(v.get(0), v.get(1)));
      assertThat(Compatibility.checkKey("k", wordKey.schema(), withShard.schema()).verdict())
          .isEqualTo(Verdict.AFTER_MIGRATION);
    }

    @Test
    void enumSymbolsMappedToAnExistingDefaultMergeKeys() {
      EnumSchema old = Schema.enumOf("Kind", "A", "B", "C");
      EnumSchema oneRemovedToNewDefault = new EnumSchema("Kind", List.of("A", "B", "OTHER"), "OTHER");
      EnumSchema oneRemovedToOldSymbol = new EnumSchema("Kind", List.of("A", "B"), "A");
      EnumSchema twoRemoved = new EnumSchema("Kind", List.of("A", "OTHER"), "OTHER");

      assertThat(Compatibility.checkKey("k", old, oneRemovedToNewDefault).verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(kinds(Compatibility.checkKey("k", old, oneRemovedToOldSymbol))).containsExactly(FindingKind.KEY_SYMBOLS_MERGED);
      assertThat(kinds(Compatibility.checkKey("k", old, twoRemoved)))
          .containsExactly(FindingKind.ENUM_SYMBOL_ADDED, FindingKind.KEY_SYMBOLS_MERGED);
      assertThat(Compatibility.check("k", old, twoRemoved).verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
    }

    @Test
    void lossyPromotionsMergeKeysExactOnesDoNot() {
      assertThat(kinds(Compatibility.checkKey("k", PrimitiveSchema.LONG, PrimitiveSchema.DOUBLE)))
          .containsExactly(FindingKind.KEY_LOSSY_PROMOTION);
      assertThat(kinds(Compatibility.checkKey("k", PrimitiveSchema.BYTES, PrimitiveSchema.STRING)))
          .containsExactly(FindingKind.KEY_LOSSY_PROMOTION);
      assertThat(Compatibility.checkKey("k", PrimitiveSchema.INT, PrimitiveSchema.LONG).verdict())
          .isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(Compatibility.checkKey("k", PrimitiveSchema.STRING, PrimitiveSchema.BYTES).verdict())
          .isEqualTo(Verdict.AFTER_MIGRATION);
      assertThat(Compatibility.checkKey("k", PrimitiveSchema.STRING, Schema.optional(PrimitiveSchema.STRING)).verdict())
          .isEqualTo(Verdict.AFTER_MIGRATION);
    }
  }

  @Test
  void identicalSchemasAreAsIsWithoutFindings() {
    CompatibilityReport report = check(STATS_V2, STATS_V2);
    assertThat(report.verdict()).isEqualTo(Verdict.AS_IS);
    assertThat(report.findings()).isEmpty();
    assertThat(STATS_V2.readerFor(STATS_V2.schema()).read(Decoder.of(new byte[] {2, 4, 6}))).isEqualTo(new StatsV2(1, 2, 3));
  }

  @Test
  void everyFindingKindHasAMessageAndOnlyErrorsAFix() {
    for (FindingKind kind : FindingKind.values()) {
      Finding finding = kind.at("p", "x", "y", "z");
      assertThat(finding.message()).as(kind.name()).isNotBlank().doesNotContain("%");
      assertThat(finding.fix().isEmpty()).as(kind.name()).isEqualTo(kind.severity() != Severity.ERROR);
    }
  }
}
