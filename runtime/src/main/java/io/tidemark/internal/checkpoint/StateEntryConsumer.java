package io.tidemark.internal.checkpoint;

/** Receives the entries of a stateful stage's state, as a checkpoint writes them. */
@FunctionalInterface
public interface StateEntryConsumer<K, V> {

  /** @param time what the stage keeps beside the value: see {@link StageState#forEachEntry} */
  void accept(K key, V value, long time);
}
