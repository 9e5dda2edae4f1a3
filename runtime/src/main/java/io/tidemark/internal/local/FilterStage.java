package io.tidemark.internal.local;

import io.tidemark.internal.plan.PlanNode;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** {@code filter}: keeps the inputs the predicate accepts, fused into the partition task. */
public final class FilterStage<T> extends Stage<T> {

  private final Stage<T> parent;
  private final Predicate<? super T> predicate;

  FilterStage(PlanNode<T> node, LocalExecution execution, Stage<T> parent, Predicate<? super T> predicate) {
    super(node, execution);
    this.parent = parent;
    this.predicate = predicate;
  }

  @Override
  public void push(BatchRun run, int partition, Consumer<? super T> sink) {
    Predicate<? super T> p = predicate;
    parent.push(run, partition, element -> {
      if (p.test(element)) {
        sink.accept(element);
      }
    });
  }
}
