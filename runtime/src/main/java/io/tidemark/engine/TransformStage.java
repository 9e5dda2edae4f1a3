package io.tidemark.engine;

import io.tidemark.stream.BatchTime;
import java.util.List;
import java.util.function.BiFunction;

/** {@code transform}: an arbitrary function over the whole batch, run on the job runner thread. */
public final class TransformStage<T, R> extends MaterializedStage<R> {

  private final Stage<T> parent;
  private final BiFunction<BatchTime, List<T>, ? extends List<R>> function;

  public TransformStage(Stage<T> parent, BiFunction<BatchTime, List<T>, ? extends List<R>> function) {
    super("transform", parent);
    this.parent = parent;
    this.function = function;
  }

  @Override
  protected PartitionedBatch<R> compute(BatchRun run) {
    List<R> result = function.apply(run.batchTime(), parent.materialize(run).toList());
    if (result == null) {
      throw new IllegalStateException(this + " returned null for batch " + run.batchTime() + "; return an empty list instead");
    }
    return PartitionedBatch.split(result, run.parallelism());
  }
}
