package io.tidemark.internal.source;

import java.util.List;

/**
 * The write-ahead log of one receiver: records appended in order and durable once {@link #append}
 * returns, so a receiver counts a block as received only after logging it. Implemented on the
 * checkpoint directory ({@code <dir>/wal/<sourceId>/}).
 */
public interface WriteAheadLog extends AutoCloseable {

  /** A record as read back, with where it is in the log. */
  record Record(WalRange range, byte[] payload) {}

  /** Appends {@code payload} and flushes it to the filesystem before returning. */
  WalRange append(byte[] payload);

  /** The payload of the record at {@code range}. */
  byte[] read(WalRange range);

  /**
   * Every intact record that an earlier run logged at or after {@code from}, oldest first; a record torn
   * by a crash in the middle of its append is left out with a warning.
   */
  List<Record> recover(WalPosition from);

  /** Deletes the segments wholly before {@code segment}: no checkpoint needs their records any more. */
  void deleteSegmentsBefore(long segment);

  /** Closes the segment being written. */
  @Override
  void close();
}
