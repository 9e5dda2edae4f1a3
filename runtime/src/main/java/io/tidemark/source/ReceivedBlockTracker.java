package io.tidemark.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks a receiver stored, by id, and which of them no batch has been allocated yet (as Spark's
 * ReceivedBlockTracker). At batch generation every unallocated block goes to the batch; a block stays
 * readable until the batch that holds it is released.
 */
final class ReceivedBlockTracker<T> {

  private final Map<Long, List<T>> blocks = new HashMap<>();
  private final List<Long> unallocated = new ArrayList<>();
  private long nextId;

  synchronized void add(List<T> block) {
    blocks.put(nextId, block);
    unallocated.add(nextId++);
  }

  synchronized List<Long> allocateUnallocated() {
    List<Long> ids = List.copyOf(unallocated);
    unallocated.clear();
    return ids;
  }

  synchronized boolean hasUnallocated() {
    return !unallocated.isEmpty();
  }

  synchronized List<T> read(List<Long> ids) {
    List<T> records = new ArrayList<>();
    for (Long id : ids) {
      List<T> block = blocks.get(id);
      if (block == null) {
        throw new IllegalStateException("Received block " + id + " is no longer stored");
      }
      records.addAll(block);
    }
    return records;
  }

  synchronized void release(List<Long> ids) {
    ids.forEach(blocks::remove);
  }
}
