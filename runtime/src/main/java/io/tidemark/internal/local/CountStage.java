package io.tidemark.internal.local;

import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.ArrayList;
import java.util.List;

/** {@code count}: one element per batch, the number of elements (0 for an empty batch), in partition 0. */
public final class CountStage<T> extends MaterializedStage<Long> {

  private final Stage<T> parent;

  CountStage(PlanNode<Long> node, LocalExecution execution, Stage<T> parent) {
    super(node, execution);
    this.parent = parent;
  }

  @Override
  protected PartitionedBatch<Long> compute(BatchRun run) {
    long total = 0;
    for (long[] count : run.pool().mapPartitions(p -> {
      long[] n = new long[1];
      parent.push(run, p, element -> n[0]++);
      return n;
    })) {
      total += count[0];
    }
    List<List<Long>> parts = new ArrayList<>();
    for (int p = 0; p < parallelism(); p++) {
      parts.add(p == 0 ? List.of(total) : List.of());
    }
    return PartitionedBatch.of(parts);
  }
}
