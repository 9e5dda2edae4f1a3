package io.tidemark.internal.local;

import java.util.HashMap;
import java.util.function.BinaryOperator;

/** Combines a key's values with an associative function: {@code reduceByKey}'s map-side combine. */
public final class ReducingCombiner<V> implements Combiner<V, V> {

  private final BinaryOperator<V> reduce;

  public ReducingCombiner(BinaryOperator<V> reduce) {
    this.reduce = reduce;
  }

  @Override
  public <K> void add(HashMap<K, V> combined, K key, V value) {
    combined.merge(key, value, reduce);
  }

  @Override
  public <K> void merge(HashMap<K, V> combined, K key, V partial) {
    combined.merge(key, partial, reduce);
  }
}
