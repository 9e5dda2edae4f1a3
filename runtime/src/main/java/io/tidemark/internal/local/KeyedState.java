package io.tidemark.internal.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The state of a keyed stateful stage: one plain map per partition, each key in the partition {@link
 * HashPartitioner} gives it. Enumerable ({@link #forEach}) so a checkpoint can write it, and fillable
 * key by key ({@link #put}) so a checkpoint written at another parallelism restores into the right
 * partitions.
 */
public final class KeyedState<K, S> {

  private final List<HashMap<K, S>> partitions;

  public KeyedState(int partitionCount) {
    partitions = new ArrayList<>(partitionCount);
    for (int p = 0; p < partitionCount; p++) {
      partitions.add(new HashMap<>());
    }
  }

  public HashMap<K, S> partition(int p) {
    return partitions.get(p);
  }

  public int partitionCount() {
    return partitions.size();
  }

  public void put(K key, S state) {
    partitions.get(HashPartitioner.partitionOf(key, partitions.size())).put(key, state);
  }

  public void forEach(BiConsumer<? super K, ? super S> action) {
    partitions.forEach(p -> p.forEach(action));
  }

  public long size() {
    long size = 0;
    for (HashMap<K, S> p : partitions) {
      size += p.size();
    }
    return size;
  }
}
