package io.tidemark.stream;

/**
 * A key and its value: the element type of keyed streams, and a schema type of its own so that keyed
 * state is versioned as a pair.
 */
public record KV<K, V>(K key, V value) {

  public static <K, V> KV<K, V> of(K key, V value) {
    return new KV<>(key, value);
  }

  @Override
  public String toString() {
    return "(" + key + "," + value + ")";
  }
}
