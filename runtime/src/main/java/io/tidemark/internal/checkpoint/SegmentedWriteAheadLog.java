package io.tidemark.internal.checkpoint;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.internal.source.WalPosition;
import io.tidemark.internal.source.WalRange;
import io.tidemark.internal.source.WriteAheadLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receiver's write-ahead log in the checkpoint directory: numbered {@link WalSegment} files, the
 * newest being appended to until it reaches the size limit. Each run appends to new segments only, so a
 * torn record a crash left at the end of an earlier segment never ends up in the middle of one.
 */
final class SegmentedWriteAheadLog implements WriteAheadLog {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentedWriteAheadLog.class);
  /** The default size at which a segment is closed and the next one started. */
  static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  private final CheckpointStore store;
  private final Path directory;
  private final long segmentBytes;
  /** The first segment this run writes; those before it are an earlier run's. */
  private final long firstOwnSegment;
  private WalSegment active;
  private FSDataOutputStream out;
  private boolean warnedNotDurable;

  private SegmentedWriteAheadLog(CheckpointStore store, Path directory, long segmentBytes, long firstOwnSegment) {
    this.store = store;
    this.directory = directory;
    this.segmentBytes = segmentBytes;
    this.firstOwnSegment = firstOwnSegment;
  }

  /** The log of {@code sourceId} in {@code store}, to be appended to after the segments already there. */
  static SegmentedWriteAheadLog open(CheckpointStore store, String sourceId, long segmentBytes) {
    Path directory = store.walDirectory(sourceId);
    long next = segments(store, directory).stream().mapToLong(WalSegment::number).max().orElse(-1) + 1;
    return new SegmentedWriteAheadLog(store, directory, segmentBytes, next);
  }

  /** The segments in {@code directory}, oldest first. */
  private static List<WalSegment> segments(CheckpointStore store, Path directory) {
    List<WalSegment> segments = new ArrayList<>();
    for (FileStatus status : store.list(directory)) {
      long number = WalSegment.numberOf(status.getPath());
      if (number >= 0) {
        segments.add(new WalSegment(directory, number));
      }
    }
    segments.sort((a, b) -> Long.compare(a.number(), b.number()));
    return segments;
  }

  @Override
  public synchronized WalRange append(byte[] payload) {
    Path file = active == null ? directory : active.file();
    try {
      if (out == null || out.getPos() >= segmentBytes) {
        roll();
        file = active.file();
      }
      long offset = out.getPos();
      out.write(WalSegment.frame(payload));
      if (!CheckpointStore.flush(out) && !warnedNotDurable) {
        warnedNotDurable = true;
        LOG.warn("The filesystem of {} can neither hflush nor hsync: records of the write-ahead log are durable only"
            + " once their segment is closed, so a crash can lose received records", file);
      }
      return new WalRange(active.number(), offset, payload.length);
    } catch (IOException e) {
      throw store.failure("append to the write-ahead log segment", file, e);
    }
  }

  /** Closes the active segment and starts the next one. */
  private void roll() throws IOException {
    long number = active == null ? firstOwnSegment : active.number() + 1;
    closeActive();
    active = new WalSegment(directory, number);
    out = store.create(active.file());
    out.write(WalSegment.header());
  }

  private void closeActive() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  @Override
  public byte[] read(WalRange range) {
    WalSegment segment = new WalSegment(directory, range.segment());
    FileStatus status = store.status(segment.file());
    if (status == null) {
      throw new CheckpointException("The write-ahead log segment " + segment.file() + " is missing, but a checkpoint"
          + " references its record at offset " + range.offset() + ". Restore it from a backup; the received"
          + " records it held cannot be recovered otherwise");
    }
    try (FSDataInputStream in = store.open(segment.file())) {
      return segment.read(in, status.getLen(), range);
    } catch (IOException e) {
      throw store.failure("read", segment.file(), e);
    }
  }

  @Override
  public List<Record> recover(WalPosition from) {
    List<Record> records = new ArrayList<>();
    for (WalSegment segment : segments(store, directory)) {
      if (segment.number() < from.segment() || segment.number() >= firstOwnSegment) {
        continue;
      }
      try (FSDataInputStream in = store.open(segment.file())) {
        segment.readAll(in, store.status(segment.file()).getLen()).stream()
            .filter(record -> !record.range().isBefore(from)).forEach(records::add);
      } catch (IOException e) {
        throw store.failure("read", segment.file(), e);
      }
    }
    return records;
  }

  @Override
  public synchronized void deleteSegmentsBefore(long segment) {
    for (WalSegment old : segments(store, directory)) {
      if (old.number() < segment && (active == null || old.number() < active.number())) {
        store.delete(old.file());
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      closeActive();
    } catch (IOException e) {
      throw store.failure("close the write-ahead log segment", active.file(), e);
    }
  }
}
