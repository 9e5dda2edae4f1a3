package io.tidemark.schema;

/**
 * Every kind of difference the compatibility checker reports, with its severity and the texts of its
 * message and suggested fix: all wording lives here. Templates are {@link String#format} patterns over
 * the finding's arguments, in the order given in each constant's comment.
 */
public enum FindingKind {
  // (writer name, reader name)
  RECORD_RENAMED(Severity.INFO, "record %s is now called %s; records are matched by structure, so nothing changes", ""),
  // (writer name, reader name)
  ENUM_RENAMED(Severity.INFO, "enum %s is now called %s; enums are matched by symbol, so nothing changes", ""),
  // (field)
  FIELD_ADDED_WITH_DEFAULT(Severity.MIGRATION, "field %s was added; old data reads it as its default", ""),
  // (field)
  FIELD_ADDED_OPTIONAL(Severity.MIGRATION, "optional field %s was added; old data reads it as empty", ""),
  // (field)
  FIELD_ADDED_WITHOUT_DEFAULT(Severity.ERROR,
      "field %s was added without a default; old data has no value for it",
      "add @Default to %1$s, or make it Optional"),
  // (field)
  FIELD_REMOVED(Severity.MIGRATION, "field %s was removed; its old values are skipped", ""),
  // (old name, new name)
  FIELD_RENAMED(Severity.MIGRATION, "field %s is read as %s through its alias", ""),
  // ()
  FIELDS_REORDERED(Severity.MIGRATION, "fields were reordered; old data is read by field name", ""),
  // (old type, new type)
  TYPE_PROMOTED(Severity.MIGRATION, "%s widened to %s; old values are converted while read", ""),
  // (old type, new type)
  TYPE_NARROWED(Severity.ERROR, "%s narrowed to %s; old values may not fit",
      "keep %1$s, or a type it widens to"),
  // (old type, new type)
  TYPE_CHANGED(Severity.ERROR, "%s changed to %s; old values cannot be read as the new type",
      "keep %1$s, or add a new field of the new type (with @Default) and stop using the old one"),
  // (type)
  MADE_OPTIONAL(Severity.MIGRATION, "%s became optional; old values are read as present", ""),
  // (type)
  OPTIONAL_MADE_REQUIRED(Severity.ERROR, "optional<%1$s> became a required %1$s; old data may hold empty values",
      "keep it Optional (or nullable)"),
  // (symbol)
  ENUM_SYMBOL_ADDED(Severity.MIGRATION, "enum symbol %s was added", ""),
  // ()
  ENUM_SYMBOLS_REORDERED(Severity.MIGRATION, "enum symbols were reordered; old data is read by symbol name", ""),
  // (symbol, default symbol)
  ENUM_SYMBOL_REMOVED_TO_DEFAULT(Severity.MIGRATION,
      "enum symbol %s was removed; old values with it are read as the default symbol %s", ""),
  // (symbol)
  ENUM_SYMBOL_REMOVED(Severity.ERROR, "enum symbol %s was removed, and the enum has no default symbol to read it as",
      "keep the symbol %1$s, or declare a default symbol on the enum"),
  // (field)
  KEY_FIELD_REMOVED(Severity.ERROR, "key field %s was removed; distinct old keys that differ only in it would merge",
      "keep %1$s in the key, or give the stage a new id so its state starts empty"),
  // (symbols, default symbol)
  KEY_SYMBOLS_MERGED(Severity.ERROR,
      "enum symbols %s of a key are read as the default %s, so distinct old keys would merge",
      "keep the removed symbols in the key's enum, or give the stage a new id so its state starts empty"),
  // (old type, new type)
  KEY_LOSSY_PROMOTION(Severity.ERROR, "key type %s widened to %s, which can map distinct old keys to one",
      "keep the key type %1$s, or widen it exactly (int→long, int→double, float→double, string→bytes)"),

  // Pipeline-level findings (PipelineCompatibility); their path is a stage id.
  // (stage)
  STATEFUL_STAGE_ADDED(Severity.INFO, "stateful stage %s is new; its state starts empty", ""),
  // (stage, former id)
  STATEFUL_STAGE_RENAMED(Severity.MIGRATION, "stateful stage %s takes over the state checkpointed as %s", ""),
  // (stage)
  STATEFUL_STAGE_DROPPED(Severity.MIGRATION, "stateful stage %s was removed and declared dropped; its state is discarded",
      ""),
  // (stage)
  STATEFUL_STAGE_REMOVED(Severity.ERROR, "stateful stage %s was removed; its checkpointed state would be lost",
      "restore the stage, declare it dropped (droppedStage(\"%1$s\")), or declare the id that replaces it"
          + " (renamedStage(\"%1$s\", newId))"),
  // (stage, old kind, new kind)
  STAGE_KIND_CHANGED(Severity.ERROR, "stage %s was a %s and is now a %s; its checkpointed state has another shape",
      "keep the %2$s, or give the new stage a new id and declare %1$s dropped"),
  // (old length, new length)
  WINDOW_SHORTENED(Severity.MIGRATION, "the window shrank from %s to %s ms; older batches leave it at once", ""),
  // (old length, new length)
  WINDOW_LENGTHENED(Severity.MIGRATION,
      "the window grew from %s to %s ms; it is under-filled until it has seen a whole window after the restart", ""),
  // (old interval, new interval, window stage)
  BATCH_INTERVAL_CHANGED_WITH_WINDOW(Severity.ERROR,
      "the batch interval changed from %s to %s ms, but window stage %s keeps its state by batch time",
      "keep the batch interval of %1$s ms, or give the window stage a new id and declare the old one dropped"),
  // (old interval, new interval)
  BATCH_INTERVAL_CHANGED(Severity.MIGRATION,
      "the batch interval changed from %s to %s ms; recovered batches keep their times, new ones follow the new"
          + " interval", ""),
  // (source, old kind, new kind)
  SOURCE_KIND_CHANGED(Severity.ERROR,
      "source %s was a %s source and is now a %s source; its checkpointed position and pending input cannot be read",
      "keep the %2$s source under this id, or give the new source another id"),
  // (source)
  SOURCE_REMOVED(Severity.MIGRATION, "source %s was removed; its position and its pending batches' input are dropped",
      "");

  private final Severity severity;
  private final String message;
  private final String fix;

  FindingKind(Severity severity, String message, String fix) {
    this.severity = severity;
    this.message = message;
    this.fix = fix;
  }

  public Severity severity() {
    return severity;
  }

  /** A finding of this kind at {@code path}, its texts filled in with {@code arguments}. */
  Finding at(String path, Object... arguments) {
    return new Finding(path, this, severity, String.format(message, arguments),
        fix.isEmpty() ? "" : String.format(fix, arguments));
  }
}
