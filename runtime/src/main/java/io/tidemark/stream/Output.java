package io.tidemark.stream;

import io.tidemark.internal.plan.LogicalPlan;
import io.tidemark.internal.plan.OutputNode;

/** An output registered on a stream ({@code foreachBatch}, {@code print}, ...), to give it a stable id. */
public final class Output {

  private final LogicalPlan plan;
  private OutputNode operation;

  Output(LogicalPlan plan, OutputNode operation) {
    this.plan = plan;
    this.operation = operation;
  }

  /** The output's id: generated ({@code print-4}) or set by {@link #uid}. */
  public String id() {
    return operation.id();
  }

  /**
   * Gives this output the stable {@code id} (matching {@code [A-Za-z][A-Za-z0-9_.-]*}, unique among the
   * context's stages and outputs) and returns it. Only before {@code start()}.
   */
  public Output uid(String id) {
    operation = plan.assignId(operation, id);
    return this;
  }
}
