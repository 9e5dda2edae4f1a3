package io.tidemark.stream;

import io.tidemark.engine.CombineByKeyStage;
import io.tidemark.engine.GroupingCombiner;
import io.tidemark.engine.InverseWindowStage;
import io.tidemark.engine.JoinStage;
import io.tidemark.engine.MapWithStateStage;
import io.tidemark.engine.ReducingCombiner;
import io.tidemark.engine.Stage;
import io.tidemark.engine.StateSerializers;
import io.tidemark.engine.UpdateStateStage;
import io.tidemark.schema.Serializer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * A keyed stream whose elements are {@link KV} pairs. Keyed operations hash-partition by key, so all of
 * a key's values, and its state, meet in one partition. Stateful operations take an explicit, stable
 * id: a checkpoint keys their state by it, so it must not change between versions of the pipeline.
 * With checkpointing on, they also take the serializers of their state's keys and values: the state is
 * written with them, and read back by a later version through their resolving readers.
 */
public final class PairDStream<K, V> extends DStream<KV<K, V>> {

  PairDStream(StreamingContext context, Stage<KV<K, V>> stage) {
    super(context, stage);
  }

  @Override
  public PairDStream<K, V> uid(String id) {
    super.uid(id);
    return this;
  }

  @Override
  public PairDStream<K, V> filter(Predicate<? super KV<K, V>> predicate) {
    return pairs(super.filter(predicate));
  }

  @Override
  public PairDStream<K, V> union(DStream<? extends KV<K, V>> other) {
    return pairs(super.union(other));
  }

  @Override
  public PairDStream<K, V> window(Duration length, Duration slide) {
    return pairs(super.window(length, slide));
  }

  private PairDStream<K, V> pairs(DStream<KV<K, V>> stream) {
    return new PairDStream<>(context, stream.stage);
  }

  /** One pair per key of each batch, its values combined with the associative {@code reduce}. */
  public PairDStream<K, V> reduceByKey(BinaryOperator<V> reduce) {
    return derivePairs(new CombineByKeyStage<>("reduceByKey", stage, new ReducingCombiner<>(reduce)));
  }

  /** One pair per key of each batch, with its values in arrival order. */
  public PairDStream<K, List<V>> groupByKey() {
    return derivePairs(new CombineByKeyStage<>("groupByKey", stage, new GroupingCombiner<V>()));
  }

  /** Inner join within each batch: one pair per matching left and right value. */
  public <W> PairDStream<K, KV<V, W>> join(PairDStream<K, W> other) {
    return derivePairs(new JoinStage<K, V, W, KV<V, W>>("join", stage, joinable(other).stage, false,
        (v, w) -> new KV<>(v, w.orElseThrow())));
  }

  /** Left outer join within each batch: left values without a match get an empty right. */
  public <W> PairDStream<K, KV<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
    return derivePairs(new JoinStage<K, V, W, KV<V, Optional<W>>>("leftOuterJoin", stage, joinable(other).stage, true,
        KV::new));
  }

  private <W> PairDStream<K, W> joinable(PairDStream<K, W> other) {
    if (other.context != context) {
      throw new IllegalArgumentException("Cannot join " + other.stage + " of another StreamingContext with " + stage);
    }
    return other;
  }

  /** Every {@code slide}, each key's values over the last {@code length}, reduced from scratch. */
  public PairDStream<K, V> reduceByKeyAndWindow(BinaryOperator<V> reduce, Duration length, Duration slide) {
    return window(length, slide).reduceByKey(reduce);
  }

  /**
   * Every {@code slide}, each key's values over the last {@code length}, maintained incrementally:
   * batches entering the window are added with {@code reduce}, batches leaving it removed with {@code
   * inverse}. Keys stay (e.g. with a count of 0) unless dropped by the overload with a filter.
   *
   * @param id the stable id the window's state is checkpointed under
   */
  public PairDStream<K, V> reduceByKeyAndWindow(String id, BinaryOperator<V> reduce, BinaryOperator<V> inverse,
      Duration length, Duration slide) {
    return reduceByKeyAndWindow(id, reduce, inverse, length, slide, kv -> true);
  }

  /** As above; keys whose windowed pair {@code keep} rejects are dropped from the window's state. */
  public PairDStream<K, V> reduceByKeyAndWindow(String id, BinaryOperator<V> reduce, BinaryOperator<V> inverse,
      Duration length, Duration slide, Predicate<? super KV<K, V>> keep) {
    return derivePairs(new InverseWindowStage<>(id, stage, reduce, inverse, length, slide, keep, null));
  }

  /**
   * As {@link #reduceByKeyAndWindow(String, BinaryOperator, BinaryOperator, Duration, Duration)}, with the
   * window checkpointed (its values and each batch's partial) through {@code keys} and {@code values}.
   */
  public PairDStream<K, V> reduceByKeyAndWindow(String id, Serializer<K> keys, Serializer<V> values,
      BinaryOperator<V> reduce, BinaryOperator<V> inverse, Duration length, Duration slide) {
    return reduceByKeyAndWindow(id, keys, values, reduce, inverse, length, slide, kv -> true);
  }

  /** As above; keys whose windowed pair {@code keep} rejects are dropped from the window's state. */
  public PairDStream<K, V> reduceByKeyAndWindow(String id, Serializer<K> keys, Serializer<V> values,
      BinaryOperator<V> reduce, BinaryOperator<V> inverse, Duration length, Duration slide,
      Predicate<? super KV<K, V>> keep) {
    return derivePairs(new InverseWindowStage<>(id, stage, reduce, inverse, length, slide, keep,
        new StateSerializers<>(keys, values)));
  }

  /**
   * Keeps a state per key: every batch, {@code update(newValues, previousState)} is called for each key
   * with new values or state (values empty if none arrived); returning null removes the key. Emits
   * every key's state every batch.
   *
   * @param id the stable id the state is checkpointed under
   */
  public <S> PairDStream<K, S> updateStateByKey(String id, BiFunction<List<V>, Optional<S>, S> update) {
    return updateStateByKey(id, withoutKey(update));
  }

  /** As {@link #updateStateByKey(String, BiFunction)}, the function told each key. */
  public <S> PairDStream<K, S> updateStateByKey(String id, StateUpdate<K, V, S> update) {
    return derivePairs(new UpdateStateStage<>(id, stage, update, null));
  }

  /**
   * As {@link #updateStateByKey(String, BiFunction)}, with the state checkpointed through {@code keys}
   * and {@code states}.
   */
  public <S> PairDStream<K, S> updateStateByKey(String id, Serializer<K> keys, Serializer<S> states,
      BiFunction<List<V>, Optional<S>, S> update) {
    return updateStateByKey(id, keys, states, withoutKey(update));
  }

  /** As {@link #updateStateByKey(String, Serializer, Serializer, BiFunction)}, the function told each key. */
  public <S> PairDStream<K, S> updateStateByKey(String id, Serializer<K> keys, Serializer<S> states,
      StateUpdate<K, V, S> update) {
    return derivePairs(new UpdateStateStage<>(id, stage, update, new StateSerializers<>(keys, states)));
  }

  private static <K, V, S> StateUpdate<K, V, S> withoutKey(BiFunction<List<V>, Optional<S>, S> update) {
    return (key, values, state) -> update.apply(values, state);
  }

  /**
   * Keeps a state per key, calling the spec's function once per record (and once when a key times out),
   * and emits what the function returns.
   *
   * @param id the stable id the state is checkpointed under
   */
  public <S, R> MapWithStateDStream<K, V, S, R> mapWithState(String id, StateSpec<K, V, S, R> spec) {
    return mapWithState(new MapWithStateStage<>(id, stage, spec, null));
  }

  /**
   * As {@link #mapWithState(String, StateSpec)}, with the state checkpointed through {@code keys} and
   * {@code states} (and each key's last record time, for the timeout).
   */
  public <S, R> MapWithStateDStream<K, V, S, R> mapWithState(String id, Serializer<K> keys, Serializer<S> states,
      StateSpec<K, V, S, R> spec) {
    return mapWithState(new MapWithStateStage<>(id, stage, spec, new StateSerializers<>(keys, states)));
  }

  private <S, R> MapWithStateDStream<K, V, S, R> mapWithState(MapWithStateStage<K, V, S, R> stateStage) {
    return new MapWithStateDStream<>(context, context.graph().add(stateStage));
  }
}
