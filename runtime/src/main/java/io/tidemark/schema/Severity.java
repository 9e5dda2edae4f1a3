package io.tidemark.schema;

/** How a finding affects reading old data. */
public enum Severity {
  /** Changes nothing in how old data is read (a record renamed, a default changed). */
  INFO,
  /** Old data is converted while it is read (a field added with a default, an int widened to long). */
  MIGRATION,
  /** Old data cannot be read, or would be read wrongly. */
  ERROR
}
