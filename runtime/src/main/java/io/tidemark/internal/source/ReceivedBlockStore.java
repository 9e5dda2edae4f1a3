package io.tidemark.internal.source;

import java.util.List;

/**
 * Where a receiver's blocks wait for the batches that take them, and stay readable until those batches
 * are released: in memory ({@link ReceivedBlockTracker}), or logged first ({@link LoggedBlockTracker}).
 */
interface ReceivedBlockStore<T> {

  /** Stores a block; from then on it counts as received. */
  void add(List<T> block);

  /** Every block stored since the last call, for the batch being planned. */
  ReceivedInput allocateUnallocated();

  boolean hasUnallocated();

  List<T> read(ReceivedInput input);

  void release(ReceivedInput input);

  /** How far allocation has got, for a checkpoint; null when a restart could not take it up. */
  SourcePosition position();

  /** Takes up a checkpointed position (see {@link InputSource#resume}). */
  void resume(SourcePosition position);
}
