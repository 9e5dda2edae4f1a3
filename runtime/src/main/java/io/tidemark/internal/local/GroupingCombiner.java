package io.tidemark.internal.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Collects a key's values in arrival order. Map tasks hold contiguous slices of the input and are merged
 * in task order, so the order is the input order whatever the parallelism.
 */
public final class GroupingCombiner<V> implements Combiner<V, List<V>> {

  @Override
  public <K> void add(HashMap<K, List<V>> combined, K key, V value) {
    combined.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  @Override
  public <K> void merge(HashMap<K, List<V>> combined, K key, List<V> partial) {
    combined.computeIfAbsent(key, k -> new ArrayList<>()).addAll(partial);
  }
}
