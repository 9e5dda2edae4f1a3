package io.tidemark.stream;

import io.tidemark.engine.OutputOperation;
import io.tidemark.engine.StreamGraph;

/** An output registered on a stream ({@code foreachBatch}, {@code print}, ...), to give it a stable id. */
public final class Output {

  private final StreamGraph graph;
  private OutputOperation<?> operation;

  Output(StreamGraph graph, OutputOperation<?> operation) {
    this.graph = graph;
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
    operation = graph.assignId(operation, id);
    return this;
  }
}
