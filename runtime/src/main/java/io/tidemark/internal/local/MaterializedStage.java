package io.tidemark.internal.local;

import io.tidemark.internal.checkpoint.StageState;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.function.Consumer;

/** A stage that computes its whole batch at once (on valid batch times) and serves it from memory. */
public abstract class MaterializedStage<T> extends Stage<T> {

  private PartitionedBatch<T> current;

  protected MaterializedStage(PlanNode<?> node, LocalExecution execution) {
    super(node, execution);
  }

  /**
   * Computes this batch's output (null if the stage has nothing to emit at this time); called on the
   * job runner thread at the times {@link #runsAt} accepts, may run partition tasks.
   */
  protected abstract PartitionedBatch<T> compute(BatchRun run);

  /** The batch times {@link #compute} must see: the stage's own valid times, unless it absorbs more. */
  protected boolean runsAt(long batchTime) {
    return isValidAt(batchTime);
  }

  @Override
  public void onBatch(BatchRun run) {
    if (runsAt(run.timeMillis())) {
      current = this instanceof StageState<?, ?> && run.stateRestored()
          ? PartitionedBatch.empty(parallelism())
          : compute(run);
    }
  }

  @Override
  public void push(BatchRun run, int partition, Consumer<? super T> sink) {
    current.forEachIn(partition, sink);
  }

  @Override
  public PartitionedBatch<T> materialize(BatchRun run) {
    return current;
  }

  @Override
  public void afterBatch(BatchRun run) {
    current = null;
  }
}
