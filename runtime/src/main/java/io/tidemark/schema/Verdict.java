package io.tidemark.schema;

/** Whether data written with one schema can be read with another. */
public enum Verdict {
  /** The canonical schemas are identical: the bytes are read as they are. */
  AS_IS,
  /** Readable, converting while reading (fields skipped or defaulted, types widened, symbols mapped). */
  AFTER_MIGRATION,
  /** Not readable: at least one finding is an {@link Severity#ERROR}. */
  INCOMPATIBLE
}
