package io.tidemark.engine;

import java.util.Optional;

/**
 * A stage whose output depends on state carried across batches. Its state lives in an explicit,
 * enumerable per-partition structure keyed by the stage's user-given id, so a checkpoint can write it
 * and restore it (re-partitioned if the parallelism changed).
 *
 * @param <K> the key of a state entry
 * @param <V> the value of a state entry
 */
public interface StatefulStage<K, V> {

  /** The stable id the state is checkpointed under. */
  String id();

  /** The number of keys currently held. */
  long stateSize();

  /** The serializers of the state's entries; empty if none were given, and then it cannot be checkpointed. */
  Optional<StateSerializers<K, V>> serializers();

  /**
   * Every entry of partition {@code partition}'s state, each with a time whose meaning is the stage's:
   * {@code updateStateByKey} 0; {@code mapWithState} the key's last record time (for its timeout);
   * {@code reduceByKeyAndWindow} the batch time of a batch's partial, or {@link
   * InverseWindowStage#WINDOW_VALUE} for the window's current value.
   */
  void forEachEntry(int partition, StateEntryConsumer<K, V> action);

  /**
   * Adds an entry read from a checkpoint, in the partition its key belongs to at the current
   * parallelism (which may differ from the one it was written at).
   */
  void restoreEntry(K key, V value, long time);
}
