package io.tidemark.internal.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks a receiver stored in memory, by id, and which of them no batch has been allocated yet (as
 * Spark's ReceivedBlockTracker). At batch generation every unallocated block goes to the batch; a block
 * stays readable until the batch that holds it is released. Blocks die with the process.
 */
final class ReceivedBlockTracker<T> implements ReceivedBlockStore<T> {

  private final Map<Long, List<T>> blocks = new HashMap<>();
  private final List<Long> unallocated = new ArrayList<>();
  private long nextId;

  @Override
  public synchronized void add(List<T> block) {
    blocks.put(nextId, block);
    unallocated.add(nextId++);
  }

  @Override
  public synchronized ReceivedBlocks allocateUnallocated() {
    ReceivedBlocks allocated = new ReceivedBlocks(unallocated);
    unallocated.clear();
    return allocated;
  }

  @Override
  public synchronized boolean hasUnallocated() {
    return !unallocated.isEmpty();
  }

  @Override
  public synchronized List<T> read(ReceivedInput input) {
    if (!(input instanceof ReceivedBlocks received)) {
      throw new IllegalStateException("A batch of the checkpoint was received with the write-ahead log on; restart"
          + " with it on (wal.enabled) to read it again");
    }
    List<T> records = new ArrayList<>();
    for (Long id : received.blockIds()) {
      List<T> block = blocks.get(id);
      if (block == null) {
        throw new IllegalStateException("Received block " + id + " is no longer stored");
      }
      records.addAll(block);
    }
    return records;
  }

  @Override
  public synchronized void release(ReceivedInput input) {
    if (input instanceof ReceivedBlocks received) {
      received.blockIds().forEach(blocks::remove);
    }
  }

  @Override
  public SourcePosition position() {
    return null;
  }

  @Override
  public void resume(SourcePosition position) {}
}
