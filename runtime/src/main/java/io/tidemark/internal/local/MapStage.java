package io.tidemark.internal.local;

import io.tidemark.internal.plan.PlanNode;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@code map} and {@code mapToPair}: one output per input, fused into the partition task. */
public final class MapStage<T, R> extends Stage<R> {

  private final Stage<T> parent;
  private final Function<? super T, ? extends R> function;

  MapStage(PlanNode<R> node, LocalExecution execution, Stage<T> parent, Function<? super T, ? extends R> function) {
    super(node, execution);
    this.parent = parent;
    this.function = function;
  }

  @Override
  public void push(BatchRun run, int partition, Consumer<? super R> sink) {
    Function<? super T, ? extends R> f = function;
    parent.push(run, partition, element -> sink.accept(f.apply(element)));
  }
}
