package io.tidemark.internal.plan;

import java.util.List;

/**
 * A stage of a logical plan: what it computes ({@link Operation}), from which parent stages, and how
 * often it produces a batch. A node holds the user's functions as they were given; each engine turns
 * the nodes into operators of its own, so nothing here knows how a stage runs.
 *
 * @param <T> the element type of the stage's batches (operations are untyped: engines cast)
 */
public final class PlanNode<T> {

  private String id;
  private final Operation operation;
  private final long slideMillis;
  private final List<PlanNode<?>> parents;

  PlanNode(String id, Operation operation, long slideMillis, List<PlanNode<?>> parents) {
    this.id = id;
    this.operation = operation;
    this.slideMillis = slideMillis;
    this.parents = List.copyOf(parents);
  }

  /**
   * The stable id: given by the user for stateful stages, generated ({@code map-3}) otherwise, until
   * {@link LogicalPlan#assignId} replaces it.
   */
  public String id() {
    return id;
  }

  /** Only through {@link LogicalPlan#assignId}, which keeps ids unique and refuses once frozen. */
  void id(String id) {
    this.id = id;
  }

  public Operation operation() {
    return operation;
  }

  /** What the stage does ({@code map}, {@code reduceByKey}, ...), for messages and descriptors. */
  public String kind() {
    return operation.kind();
  }

  /** How often the stage produces a batch: the batch interval, or a window's slide. */
  public long slideMillis() {
    return slideMillis;
  }

  public List<PlanNode<?>> parents() {
    return parents;
  }

  /** The first (for most stages the only) parent. */
  public PlanNode<?> parent() {
    return parents.get(0);
  }

  @Override
  public String toString() {
    return kind() + " stage '" + id + "'";
  }
}
