package io.tidemark.internal.local;

import io.tidemark.function.KV;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the values of each key of a batch together in the key's partition ({@link HashPartitioner}).
 * Map tasks push their partition through the fused narrow chain straight into per-target-partition
 * combiners (map-side combine, no intermediate records); reduce tasks merge the map tasks' partials for
 * their partition and finish it, e.g. by applying state.
 */
public final class KeyedShuffle {

  /** What a reduce task makes of its partition's combined values. */
  @FunctionalInterface
  public interface Finisher<K, C, R> {
    R finish(int partition, HashMap<K, C> combined);
  }

  private KeyedShuffle() {}

  public static <K, V, C, R> List<R> combineByKey(
      BatchRun run, Stage<KV<K, V>> parent, Combiner<V, C> combiner, Finisher<K, C, R> finisher) {
    int n = run.parallelism();
    List<HashMap<K, C>[]> byMapTask = run.pool().mapPartitions(m -> {
      @SuppressWarnings("unchecked")
      HashMap<K, C>[] targets = new HashMap[n];
      for (int r = 0; r < n; r++) {
        targets[r] = new HashMap<>();
      }
      if (n == 1) {
        HashMap<K, C> only = targets[0];
        parent.push(run, m, kv -> combiner.add(only, kv.key(), kv.value()));
      } else {
        parent.push(run, m, kv -> {
          K key = kv.key();
          combiner.add(targets[HashPartitioner.partitionOf(key, n)], key, kv.value());
        });
      }
      return targets;
    });
    return run.pool().mapPartitions(r -> {
      HashMap<K, C> merged = byMapTask.get(0)[r];
      for (int m = 1; m < n; m++) {
        byMapTask.get(m)[r].forEach((key, partial) -> combiner.merge(merged, key, partial));
      }
      return finisher.finish(r, merged);
    });
  }

  /** The entries of a map as pairs. */
  public static <K, V> List<KV<K, V>> pairs(Map<K, V> map) {
    List<KV<K, V>> pairs = new ArrayList<>(map.size());
    map.forEach((k, v) -> pairs.add(new KV<>(k, v)));
    return pairs;
  }
}
