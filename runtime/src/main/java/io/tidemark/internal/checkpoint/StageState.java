package io.tidemark.internal.checkpoint;

import java.util.Optional;

/**
 * The state of one stateful stage as an engine holds it, seen the way a checkpoint needs it: an
 * explicit, enumerable per-partition structure keyed by the stage's user-given id, so a checkpoint can
 * write it and a recovery restore it (re-partitioned if the partition count changed).
 *
 * @param <K> the key of a state entry
 * @param <V> the value of a state entry
 */
public interface StageState<K, V> {

  /** The stable id the state is checkpointed under. */
  String id();

  /** The number of keys currently held. */
  long stateSize();

  /** The serializers of the state's entries; empty if none were given, and then it cannot be checkpointed. */
  Optional<StateSerializers<K, V>> serializers();

  /** How many partitions the state is held in (the partitions of the state files written from it). */
  int partitionCount();

  /**
   * Every entry of partition {@code partition}'s state, each with a time whose meaning is the stage's:
   * {@code updateStateByKey} 0; {@code mapWithState} the key's last record time (for its timeout);
   * {@code reduceByKeyAndWindow} the batch time of a batch's partial, or {@link #WINDOW_VALUE} for the
   * window's current value.
   */
  void forEachEntry(int partition, StateEntryConsumer<K, V> action);

  /**
   * Adds an entry read from a checkpoint, in the partition its key belongs to at the current partition
   * count (which may differ from the one it was written at).
   */
  void restoreEntry(K key, V value, long time);

  /** The entry time of a key's current window value in a checkpoint; a window's partials carry their batch time. */
  long WINDOW_VALUE = -1;
}
