package io.tidemark.internal.local;

import io.tidemark.function.KV;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;

/** {@code stateSnapshots()}: every batch, all keys and states of a {@code mapWithState} stage. */
public final class StateSnapshotStage<K, S> extends MaterializedStage<KV<K, S>> {

  private final MapWithStateStage<K, ?, S, ?> stateStage;

  StateSnapshotStage(PlanNode<KV<K, S>> node, LocalExecution execution, MapWithStateStage<K, ?, S, ?> stateStage) {
    super(node, execution);
    this.stateStage = stateStage;
  }

  @Override
  protected PartitionedBatch<KV<K, S>> compute(BatchRun run) {
    return stateStage.snapshot(run);
  }
}
