package io.tidemark.engine;

import java.util.List;
import java.util.function.Consumer;

/** {@code union}: partition p holds partition p of each parent, pushed one after the other. */
public final class UnionStage<T> extends Stage<T> {

  private final List<Stage<? extends T>> inputs;

  public UnionStage(Stage<? extends T> first, Stage<? extends T> second) {
    super(first.graph(), first.graph().generatedId("union"), "union", sameSlide("union", first, second),
        List.of(first, second));
    this.inputs = List.of(first, second);
  }

  /** Combining streams needs them to produce batches at the same times. */
  static long sameSlide(String kind, Stage<?> first, Stage<?> second) {
    if (first.slideMillis() != second.slideMillis()) {
      throw new IllegalArgumentException("Cannot " + kind + " streams with different slide durations: " + first
          + " slides every " + first.slideMillis() + " ms, " + second + " every " + second.slideMillis() + " ms");
    }
    return first.slideMillis();
  }

  @Override
  public void push(BatchRun run, int partition, Consumer<? super T> sink) {
    for (Stage<? extends T> input : inputs) {
      input.push(run, partition, sink);
    }
  }
}
