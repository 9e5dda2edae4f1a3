package io.tidemark.stream;

import io.tidemark.function.KV;
import io.tidemark.function.StateUpdate;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.plan.Operation;
import io.tidemark.internal.plan.PlanNode;
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

  PairDStream(StreamingContext context, PlanNode<KV<K, V>> node) {
    super(context, node);
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
    return new PairDStream<>(context, stream.node);
  }

  /** One pair per key of each batch, its values combined with the associative {@code reduce}. */
  public PairDStream<K, V> reduceByKey(BinaryOperator<V> reduce) {
    return derivePairs(new Operation.ReduceByKey(reduce));
  }

  /** One pair per key of each batch, with its values in arrival order. */
  public PairDStream<K, List<V>> groupByKey() {
    return derivePairs(new Operation.GroupByKey());
  }

  /** Inner join within each batch: one pair per matching left and right value. */
  public <W> PairDStream<K, KV<V, W>> join(PairDStream<K, W> other) {
    return new PairDStream<>(context, combined(new Operation.Join(false), other));
  }

  /** Left outer join within each batch: left values without a match get an empty right. */
  public <W> PairDStream<K, KV<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
    return new PairDStream<>(context, combined(new Operation.Join(true), other));
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
    return reduceByKeyAndWindow(id, reduce, inverse, length, slide, keep, null);
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
    return reduceByKeyAndWindow(id, reduce, inverse, length, slide, keep, new StateSerializers<>(keys, values));
  }

  private PairDStream<K, V> reduceByKeyAndWindow(String id, BinaryOperator<V> reduce, BinaryOperator<V> inverse,
      Duration length, Duration slide, Predicate<? super KV<K, V>> keep, StateSerializers<K, V> serializers) {
    return new PairDStream<>(context, windowed(id,
        new Operation.InverseWindow(reduce, inverse, length.toMillis(), keep, serializers), length, slide));
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
    return updateState(id, update, null);
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
    return updateState(id, update, new StateSerializers<>(keys, states));
  }

  private <S> PairDStream<K, S> updateState(String id, StateUpdate<K, V, S> update,
      StateSerializers<K, S> serializers) {
    return new PairDStream<>(context, stateful(id, new Operation.UpdateState(update, serializers)));
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
    return mapWithState(id, spec, null);
  }

  /**
   * As {@link #mapWithState(String, StateSpec)}, with the state checkpointed through {@code keys} and
   * {@code states} (and each key's last record time, for the timeout).
   */
  public <S, R> MapWithStateDStream<K, V, S, R> mapWithState(String id, Serializer<K> keys, Serializer<S> states,
      StateSpec<K, V, S, R> spec) {
    return mapWithState(id, spec, new StateSerializers<>(keys, states));
  }

  private <S, R> MapWithStateDStream<K, V, S, R> mapWithState(String id, StateSpec<K, V, S, R> spec,
      StateSerializers<K, S> serializers) {
    long timeoutMillis = spec.idleTimeout().map(Duration::toMillis).orElse(0L);
    return new MapWithStateDStream<>(context,
        stateful(id, new Operation.MapWithState(spec.mappingFunction(), timeoutMillis, serializers)));
  }

  /** A stateful stage under the user's {@code id}, with this stream's slide. */
  private <R> PlanNode<R> stateful(String id, Operation operation) {
    return context.plan().add(id, operation, node.slideMillis(), List.of(node));
  }
}
