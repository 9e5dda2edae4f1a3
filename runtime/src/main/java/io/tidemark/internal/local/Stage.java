package io.tidemark.internal.local;

import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local engine's operator for one {@link PlanNode}: produces, for each batch time at which the node
 * is valid, one partitioned batch of {@code T}.
 *
 * <p>Execution is push-based: {@link #push} streams one partition's elements into a consumer. Narrow
 * stages (map, flatMap, filter, union) implement it by wrapping the consumer and pushing their parents,
 * so a chain of them runs fused inside one partition task without intermediate lists. Stages that need
 * a whole batch (shuffles, state, windows, sources) materialize it once in {@link #onBatch} and push
 * from it.
 */
public abstract class Stage<T> {

  private final PlanNode<?> node;
  private final LocalExecution execution;

  protected Stage(PlanNode<?> node, LocalExecution execution) {
    this.node = node;
    this.execution = execution;
  }

  /** The node's stable id (final once the plan is frozen, before any stage exists). */
  public final String id() {
    return node.id();
  }

  /** What the stage does ({@code map}, {@code reduceByKey}, ...), for messages. */
  public final String kind() {
    return node.kind();
  }

  /** How often the stage produces a batch: the batch interval, or a window's slide. */
  public final long slideMillis() {
    return node.slideMillis();
  }

  /** The number of partitions of every batch. */
  protected final int parallelism() {
    return execution.parallelism();
  }

  public final boolean isValidAt(long batchTime) {
    long sinceZero = batchTime - execution.zeroTime();
    return sinceZero > 0 && sinceZero % slideMillis() == 0;
  }

  /**
   * Called once per batch on the job runner thread, after all parents' {@code onBatch}: stages that
   * materialize data or keep state do their batch's work here (in parallel partition tasks).
   */
  public void onBatch(BatchRun run) {}

  /** Streams this batch's partition {@code partition} into {@code sink}; runs inside a partition task. */
  public abstract void push(BatchRun run, int partition, Consumer<? super T> sink);

  /** This batch's data as lists, one per partition. */
  public PartitionedBatch<T> materialize(BatchRun run) {
    return PartitionedBatch.of(run.pool().mapPartitions(p -> {
      List<T> part = new ArrayList<>();
      push(run, p, part::add);
      return part;
    }));
  }

  /** Called once per batch after the outputs ran: drop the batch's data, evict old windows. */
  public void afterBatch(BatchRun run) {}

  @Override
  public String toString() {
    return node.toString();
  }
}
