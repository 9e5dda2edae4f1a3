package io.tidemark.internal.local;

import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code window}: every slide, the union of the parent's batches in the last {@code length}. The parent
 * batches are buffered by batch time until they leave the window.
 */
public final class WindowStage<T> extends WindowedStage<T> {

  private final Stage<T> parent;
  private final TreeMap<Long, PartitionedBatch<T>> buffer = new TreeMap<>();

  WindowStage(PlanNode<T> node, LocalExecution execution, Stage<T> parent, long lengthMillis) {
    super(node, execution, parent, lengthMillis);
    this.parent = parent;
  }

  @Override
  protected PartitionedBatch<T> compute(BatchRun run) {
    long time = run.timeMillis();
    buffer.put(time, parent.materialize(run));
    buffer.headMap(time - windowLengthMillis(), true).clear();
    if (!isValidAt(time)) {
      return null;
    }
    List<List<T>> parts = new ArrayList<>(parallelism());
    for (int p = 0; p < parallelism(); p++) {
      List<T> part = new ArrayList<>();
      for (PartitionedBatch<T> batch : buffer.values()) {
        part.addAll(batch.partition(p));
      }
      parts.add(part);
    }
    return PartitionedBatch.of(parts);
  }
}
