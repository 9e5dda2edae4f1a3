package io.tidemark.stream;

import io.tidemark.internal.plan.Operation;
import io.tidemark.internal.plan.PlanNode;

/** The records a {@code mapWithState} function emitted; {@link #stateSnapshots()} gives its state. */
public final class MapWithStateDStream<K, V, S, R> extends DStream<R> {

  MapWithStateDStream(StreamingContext context, PlanNode<R> stateStage) {
    super(context, stateStage);
  }

  @Override
  public MapWithStateDStream<K, V, S, R> uid(String id) {
    super.uid(id);
    return this;
  }

  /** Every batch, every key with its state after the batch. */
  public PairDStream<K, S> stateSnapshots() {
    return derivePairs(new Operation.StateSnapshots());
  }
}
