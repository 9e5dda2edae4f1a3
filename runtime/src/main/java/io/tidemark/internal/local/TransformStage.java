package io.tidemark.internal.local;

import io.tidemark.function.BatchTime;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.List;
import java.util.function.BiFunction;

/** {@code transform}: an arbitrary function over the whole batch, run on the job runner thread. */
public final class TransformStage<T, R> extends MaterializedStage<R> {

  private final Stage<T> parent;
  private final BiFunction<BatchTime, List<T>, ? extends List<R>> function;

  TransformStage(PlanNode<R> node, LocalExecution execution, Stage<T> parent,
      BiFunction<BatchTime, List<T>, ? extends List<R>> function) {
    super(node, execution);
    this.parent = parent;
    this.function = function;
  }

  @Override
  protected PartitionedBatch<R> compute(BatchRun run) {
    List<R> result = function.apply(run.batchTime(), parent.materialize(run).toList());
    if (result == null) {
      throw new IllegalStateException(this + " returned null for batch " + run.batchTime() + "; return an empty list instead");
    }
    return PartitionedBatch.split(result, parallelism());
  }
}
