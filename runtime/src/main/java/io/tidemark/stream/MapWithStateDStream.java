package io.tidemark.stream;

import io.tidemark.engine.MapWithStateStage;
import io.tidemark.engine.StateSnapshotStage;

/** The records a {@code mapWithState} function emitted; {@link #stateSnapshots()} gives its state. */
public final class MapWithStateDStream<K, V, S, R> extends DStream<R> {

  private final MapWithStateStage<K, V, S, R> stateStage;

  MapWithStateDStream(StreamingContext context, MapWithStateStage<K, V, S, R> stateStage) {
    super(context, stateStage);
    this.stateStage = stateStage;
  }

  @Override
  public MapWithStateDStream<K, V, S, R> uid(String id) {
    super.uid(id);
    return this;
  }

  /** Every batch, every key with its state after the batch. */
  public PairDStream<K, S> stateSnapshots() {
    return derivePairs(new StateSnapshotStage<>(stateStage));
  }
}
