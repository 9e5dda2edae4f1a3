package io.tidemark.internal.source;

import io.tidemark.schema.Decoder;
import io.tidemark.schema.Encoder;
import io.tidemark.schema.Serializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A receiver's blocks with the write-ahead log on: each block is appended to the log (and flushed)
 * before it counts as received, and is then known by its {@link WalRange}. Batches record the ranges,
 * so a restarted pipeline reads a batch's blocks from the log; blocks are also kept in memory until
 * released, so a running pipeline reads the log only for batches it recovered.
 *
 * <p>On start, every record an earlier run logged is taken as unallocated; {@link #resume} then drops
 * those the checkpoint's batches already hold. What remains (received after the last checkpoint, or
 * before the first) goes to the next batches, ahead of anything received since.
 */
final class LoggedBlockTracker<T> implements ReceivedBlockStore<T> {

  private final WriteAheadLog log;
  private final Serializer<List<T>> codec;
  private final Map<WalRange, List<T>> blocks = new HashMap<>();
  private final List<WalRange> unallocated = new ArrayList<>();
  private WalPosition allocatedUpTo = WalPosition.START;

  LoggedBlockTracker(WriteAheadLog log, Serializer<List<T>> codec) {
    this.log = log;
    this.codec = codec;
    for (WriteAheadLog.Record record : log.recover(WalPosition.START)) {
      blocks.put(record.range(), decode(record.payload()));
      unallocated.add(record.range());
    }
  }

  private List<T> decode(byte[] payload) {
    return codec.read(Decoder.of(payload));
  }

  @Override
  public void add(List<T> block) {
    Encoder encoder = new Encoder();
    codec.write(encoder, block);
    WalRange range = log.append(encoder.toByteArray()); // durable before anyone sees the block
    synchronized (this) {
      blocks.put(range, block);
      unallocated.add(range);
    }
  }

  @Override
  public synchronized WalBlocks allocateUnallocated() {
    WalBlocks allocated = new WalBlocks(unallocated);
    if (!unallocated.isEmpty()) {
      allocatedUpTo = WalPosition.after(unallocated.get(unallocated.size() - 1));
      unallocated.clear();
    }
    return allocated;
  }

  @Override
  public synchronized boolean hasUnallocated() {
    return !unallocated.isEmpty();
  }

  @Override
  public List<T> read(ReceivedInput input) {
    if (!(input instanceof WalBlocks logged)) {
      throw new IllegalStateException("A batch of the checkpoint was received without the write-ahead log: its"
          + " blocks were lost with the process that received them");
    }
    List<T> records = new ArrayList<>();
    for (WalRange range : logged.ranges()) {
      List<T> block;
      synchronized (this) {
        block = blocks.get(range);
      }
      records.addAll(block != null ? block : decode(log.read(range)));
    }
    return records;
  }

  @Override
  public synchronized void release(ReceivedInput input) {
    if (input instanceof WalBlocks logged) {
      logged.ranges().forEach(blocks::remove);
    }
  }

  @Override
  public synchronized WalPosition position() {
    return allocatedUpTo;
  }

  /** Drops the recovered records that the checkpoint's batches hold (they read them from the log). */
  @Override
  public synchronized void resume(SourcePosition position) {
    if (position instanceof WalPosition checkpointed) {
      allocatedUpTo = checkpointed;
      for (Iterator<WalRange> ranges = unallocated.iterator(); ranges.hasNext(); ) {
        WalRange range = ranges.next();
        if (range.isBefore(checkpointed)) {
          ranges.remove();
          blocks.remove(range);
        }
      }
    }
  }
}
