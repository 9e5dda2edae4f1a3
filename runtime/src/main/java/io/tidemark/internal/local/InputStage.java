package io.tidemark.internal.local;

import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.InputDescriptor;
import io.tidemark.internal.source.InputSource;
import io.tidemark.internal.source.PartitionedBatch;

/** The stage of an input source: reads the batch its source planned and splits it into partitions. */
final class InputStage<T, D extends InputDescriptor> extends MaterializedStage<T> {

  private final InputSource<T, D> source;

  InputStage(PlanNode<T> node, LocalExecution execution, InputSource<T, D> source) {
    super(node, execution);
    this.source = source;
  }

  @Override
  @SuppressWarnings("unchecked") // the driver records what this source's plan() returned under its id
  protected PartitionedBatch<T> compute(BatchRun run) {
    D descriptor = (D) run.inputOf(id());
    // a source added by an upgrade has no input in the batches recovered from the checkpoint
    PartitionedBatch<T> data = descriptor == null ? PartitionedBatch.empty(parallelism())
        : source.readPartitioned(descriptor, parallelism());
    run.addRecordsIn(data.size());
    return data;
  }
}
