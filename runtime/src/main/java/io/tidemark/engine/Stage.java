package io.tidemark.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node of the stream graph: produces, for each batch time at which it is valid, one partitioned batch
 * of {@code T}.
 *
 * <p>Execution is push-based: {@link #push} streams one partition's elements into a consumer. Narrow
 * stages (map, flatMap, filter, union) implement it by wrapping the consumer and pushing their parents,
 * so a chain of them runs fused inside one partition task without intermediate lists. Stages that need
 * a whole batch (shuffles, state, windows, sources) materialize it once in {@link #onBatch} and push
 * from it.
 */
public abstract class Stage<T> {

  private String id;
  private final String kind;
  private final StreamGraph graph;
  private final long slideMillis;
  private final List<Stage<?>> parents;

  protected Stage(StreamGraph graph, String id, String kind, long slideMillis, List<Stage<?>> parents) {
    this.graph = graph;
    this.id = id;
    this.kind = kind;
    this.slideMillis = slideMillis;
    this.parents = List.copyOf(parents);
  }

  /** A narrow stage: same slide as its parent. */
  protected Stage(String kind, Stage<?> parent) {
    this(parent.graph, parent.graph.generatedId(kind), kind, parent.slideMillis, List.of(parent));
  }

  /**
   * The stable id: given by the user for stateful stages, generated ({@code map-3}) otherwise, until
   * {@link StreamGraph#assignId} replaces it.
   */
  public final String id() {
    return id;
  }

  /** Only through {@link StreamGraph#assignId}, which keeps ids unique and refuses once started. */
  final void id(String id) {
    this.id = id;
  }

  /** What the stage does ({@code map}, {@code reduceByKey}, ...), for messages and descriptors. */
  public final String kind() {
    return kind;
  }

  public final StreamGraph graph() {
    return graph;
  }

  /** How often the stage produces a batch: the batch interval, or a window's slide. */
  public final long slideMillis() {
    return slideMillis;
  }

  public final List<Stage<?>> parents() {
    return parents;
  }

  public final boolean isValidAt(long batchTime) {
    long sinceZero = batchTime - graph.zeroTime();
    return sinceZero > 0 && sinceZero % slideMillis == 0;
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
    return kind + " stage '" + id + "'";
  }
}
