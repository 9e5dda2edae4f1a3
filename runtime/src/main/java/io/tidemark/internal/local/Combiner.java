package io.tidemark.internal.local;

import java.util.HashMap;

/**
 * How a shuffle folds the values of a key: {@link #add} folds one value on the map side (map-side
 * combine), {@link #merge} folds another map task's partial on the reduce side.
 *
 * @param <C> the combined form of a key's values
 */
public interface Combiner<V, C> {

  <K> void add(HashMap<K, C> combined, K key, V value);

  <K> void merge(HashMap<K, C> combined, K key, C partial);
}
