package io.tidemark.internal.local;

import io.tidemark.internal.plan.PlanNode;
import java.util.List;
import java.util.function.Consumer;

/** {@code union}: partition p holds partition p of each parent, pushed one after the other. */
public final class UnionStage<T> extends Stage<T> {

  private final List<Stage<? extends T>> inputs;

  UnionStage(PlanNode<T> node, LocalExecution execution, Stage<? extends T> first, Stage<? extends T> second) {
    super(node, execution);
    this.inputs = List.of(first, second);
  }

  @Override
  public void push(BatchRun run, int partition, Consumer<? super T> sink) {
    for (Stage<? extends T> input : inputs) {
      input.push(run, partition, sink);
    }
  }
}
