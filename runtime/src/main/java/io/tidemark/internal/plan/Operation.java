package io.tidemark.internal.plan;

import io.tidemark.function.BatchTime;
import io.tidemark.function.MappingFunction;
import io.tidemark.function.StateUpdate;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.source.InputSource;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a {@link PlanNode} computes: one record per operator of the DStream API, holding the user's
 * functions and the operator's parameters. The set is closed, so an engine that handles every record
 * runs every pipeline; element types are erased here and restored by the engine's casts.
 */
public sealed interface Operation {

  /** The operator's name as descriptors and messages show it. */
  String kind();

  /** An operation whose batch covers the parent's batches of the last {@link #lengthMillis()}. */
  sealed interface Windowed extends Operation {
    long lengthMillis();
  }

  /**
   * An operation that keeps state across batches, checkpointed under the node's id through its
   * serializers (none: the stage cannot be checkpointed).
   */
  sealed interface Stateful extends Operation {
    /** The serializers given with the operation, or null. */
    StateSerializers<?, ?> stateSerializers();

    default Optional<StateSerializers<?, ?>> serializers() {
      return Optional.ofNullable(stateSerializers());
    }
  }

  /** A source's input: planned by the driver, read by the engine. */
  record Input(InputSource<?, ?> source) implements Operation {
    @Override
    public String kind() {
      return source.kind();
    }
  }

  /** {@code map} and {@code mapToPair}: one output per input. */
  record Mapping(String kind, Function<?, ?> function) implements Operation {}

  record FlatMap(Function<?, ? extends Iterable<?>> function) implements Operation {
    @Override
    public String kind() {
      return "flatMap";
    }
  }

  record Filter(Predicate<?> predicate) implements Operation {
    @Override
    public String kind() {
      return "filter";
    }
  }

  /** Both parents' elements, partition by partition. */
  record Union() implements Operation {
    @Override
    public String kind() {
      return "union";
    }
  }

  /** A function of the whole batch and its time. */
  record Transform(BiFunction<BatchTime, ? super List<?>, ? extends List<?>> function) implements Operation {
    @Override
    public String kind() {
      return "transform";
    }
  }

  /** Every slide, the parent's elements of the last {@code lengthMillis}. */
  record Window(long lengthMillis) implements Windowed {
    @Override
    public String kind() {
      return "window";
    }
  }

  /** One element per batch: its number of elements. */
  record Count() implements Operation {
    @Override
    public String kind() {
      return "count";
    }
  }

  /** One pair per key of the batch, its values reduced. */
  record ReduceByKey(BinaryOperator<?> reduce) implements Operation {
    @Override
    public String kind() {
      return "reduceByKey";
    }
  }

  /** One pair per key of the batch with the list of its values, in arrival order. */
  record GroupByKey() implements Operation {
    @Override
    public String kind() {
      return "groupByKey";
    }
  }

  /**
   * A join of two keyed parents within the batch: {@code KV(key, KV(left, right))}; outer: every left
   * value, its right an {@code Optional}.
   */
  record Join(boolean leftOuter) implements Operation {
    @Override
    public String kind() {
      return leftOuter ? "leftOuterJoin" : "join";
    }
  }

  /**
   * {@code reduceByKeyAndWindow} with an inverse: partials enter the window and leave it; keys {@code
   * keep} rejects are dropped.
   */
  record InverseWindow(BinaryOperator<?> reduce, BinaryOperator<?> inverse, long lengthMillis, Predicate<?> keep,
      StateSerializers<?, ?> stateSerializers) implements Windowed, Stateful {
    @Override
    public String kind() {
      return "reduceByKeyAndWindow";
    }
  }

  /** {@code updateStateByKey}: a state per key, updated by every batch; emits the whole state. */
  record UpdateState(StateUpdate<?, ?, ?> update, StateSerializers<?, ?> stateSerializers) implements Stateful {
    @Override
    public String kind() {
      return "updateStateByKey";
    }
  }

  /**
   * {@code mapWithState}: the function called per record with its key's state, keys idle for longer
   * than {@code timeoutMillis} (0: never) timed out.
   */
  record MapWithState(MappingFunction<?, ?, ?, ?> function, long timeoutMillis, StateSerializers<?, ?> stateSerializers)
      implements Stateful {
    @Override
    public String kind() {
      return "mapWithState";
    }
  }

  /** Every batch, the keys and states of the parent {@link MapWithState} stage. */
  record StateSnapshots() implements Operation {
    @Override
    public String kind() {
      return "stateSnapshots";
    }
  }
}
