package io.tidemark.internal.source;

/**
 * Where one record of a write-ahead log is: its segment, the offset of its frame in that segment, and
 * the length of its payload. Plain data, so a checkpoint's pending batches can name the records to
 * read again.
 */
public record WalRange(long segment, long offset, int length) {

  /** True if this record was written before {@code position}, i.e. lies wholly before it in the log. */
  public boolean isBefore(WalPosition position) {
    return segment < position.segment() || segment == position.segment() && offset < position.offset();
  }
}
