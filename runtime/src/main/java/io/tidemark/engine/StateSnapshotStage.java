package io.tidemark.engine;

import io.tidemark.stream.KV;

/** {@code stateSnapshots()}: every batch, all keys and states of a {@code mapWithState} stage. */
public final class StateSnapshotStage<K, S> extends MaterializedStage<KV<K, S>> {

  private final MapWithStateStage<K, ?, S, ?> stateStage;

  public StateSnapshotStage(MapWithStateStage<K, ?, S, ?> stateStage) {
    super("stateSnapshots", stateStage);
    this.stateStage = stateStage;
  }

  @Override
  protected PartitionedBatch<KV<K, S>> compute(BatchRun run) {
    return stateStage.snapshot(run);
  }
}
