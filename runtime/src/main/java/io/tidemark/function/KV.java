package io.tidemark.function;

import io.tidemark.schema.Serializer;

/**
 * A key and its value: the element type of keyed streams, and a schema type of its own so that keyed
 * state is versioned as a pair.
 */
public record KV<K, V>(K key, V value) {

  public static <K, V> KV<K, V> of(K key, V value) {
    return new KV<>(key, value);
  }

  /** The serializer of pairs: the key, then the value, each with its own serializer. */
  public static <K, V> Serializer<KV<K, V>> serializer(Serializer<K> key, Serializer<V> value) {
    return new KVSerializer<>(key, value);
  }

  @Override
  public String toString() {
    return "(" + key + "," + value + ")";
  }
}
