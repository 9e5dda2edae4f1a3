package io.tidemark.internal.local;

import io.tidemark.internal.plan.PlanNode;

/**
 * A stage whose batch covers its parent's batches of the last {@link #windowLengthMillis()}, emitted
 * every slide. It must see every parent batch, not only the batches at which it emits.
 */
public abstract class WindowedStage<T> extends MaterializedStage<T> {

  private final Stage<?> parent;
  private final long lengthMillis;

  protected WindowedStage(PlanNode<T> node, LocalExecution execution, Stage<?> parent, long lengthMillis) {
    super(node, execution);
    this.parent = parent;
    this.lengthMillis = lengthMillis;
  }

  public final long windowLengthMillis() {
    return lengthMillis;
  }

  @Override
  protected final boolean runsAt(long batchTime) {
    return parent.isValidAt(batchTime);
  }
}
