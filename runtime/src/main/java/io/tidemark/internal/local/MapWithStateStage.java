package io.tidemark.internal.local;

import io.tidemark.function.KV;
import io.tidemark.function.MappingFunction;
import io.tidemark.internal.checkpoint.StageState;
import io.tidemark.internal.checkpoint.StateEntryConsumer;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mapWithState}: calls the mapping function once per record with its key's {@link
 * io.tidemark.function.State}, and emits what it returns. A key that receives no record for longer than
 * the spec's timeout gets one last call with {@code isTimingOut()} and is then removed.
 */
public final class MapWithStateStage<K, V, S, R> extends MaterializedStage<R> implements StageState<K, S> {

  private final Stage<KV<K, V>> parent;
  private final MappingFunction<K, V, S, R> function;
  private final long timeoutMillis;
  private final KeyedState<K, TimestampedState<S>> state;
  private final StateSerializers<K, S> serializers;

  /**
   * @param timeoutMillis how long a key may go without records before it times out; 0: never
   * @param serializers how the state is checkpointed; null if it is not
   */
  MapWithStateStage(PlanNode<R> node, LocalExecution execution, Stage<KV<K, V>> parent,
      MappingFunction<K, V, S, R> function, long timeoutMillis, StateSerializers<K, S> serializers) {
    super(node, execution);
    this.parent = parent;
    this.function = function;
    this.timeoutMillis = timeoutMillis;
    this.state = new KeyedState<>(execution.parallelism());
    this.serializers = serializers;
  }

  @Override
  public long stateSize() {
    return state.size();
  }

  @Override
  public int partitionCount() {
    return state.partitionCount();
  }

  @Override
  public Optional<StateSerializers<K, S>> serializers() {
    return Optional.ofNullable(serializers);
  }

  @Override
  public void forEachEntry(int partition, StateEntryConsumer<K, S> action) {
    state.partition(partition).forEach((key, value) -> action.accept(key, value.value(), value.lastRecordMillis()));
  }

  @Override
  public void restoreEntry(K key, S value, long lastRecordMillis) {
    state.put(key, new TimestampedState<>(value, lastRecordMillis));
  }

  @Override
  protected PartitionedBatch<R> compute(BatchRun run) {
    long time = run.timeMillis();
    return PartitionedBatch.of(KeyedShuffle.combineByKey(run, parent, new GroupingCombiner<>(),
        (partition, newValues) -> mapPartition(time, state.partition(partition), newValues)));
  }

  private List<R> mapPartition(long time, HashMap<K, TimestampedState<S>> states, HashMap<K, List<V>> newValues) {
    List<R> mapped = new ArrayList<>();
    StateHandle<S> handle = new StateHandle<>();
    newValues.forEach((key, values) -> {
      TimestampedState<S> current = states.get(key);
      handle.reset(current == null ? null : current.value(), current != null, false);
      for (V value : values) {
        addIfPresent(mapped, function.call(key, Optional.of(value), handle));
      }
      if (handle.exists()) {
        states.put(key, new TimestampedState<>(handle.get(), time));
      } else {
        states.remove(key);
      }
    });
    if (timeoutMillis > 0) {
      for (Iterator<Map.Entry<K, TimestampedState<S>>> it = states.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<K, TimestampedState<S>> entry = it.next();
        if (time - entry.getValue().lastRecordMillis() > timeoutMillis) {
          handle.reset(entry.getValue().value(), true, true);
          addIfPresent(mapped, function.call(entry.getKey(), Optional.empty(), handle));
          it.remove();
        }
      }
    }
    return mapped;
  }

  private static <R> void addIfPresent(List<R> mapped, R record) {
    if (record != null) {
      mapped.add(record);
    }
  }

  /** The state after this batch, as pairs: what {@code stateSnapshots()} emits. */
  PartitionedBatch<KV<K, S>> snapshot(BatchRun run) {
    return PartitionedBatch.of(run.pool().mapPartitions(p -> {
      List<KV<K, S>> pairs = new ArrayList<>(state.partition(p).size());
      state.partition(p).forEach((key, s) -> pairs.add(new KV<>(key, s.value())));
      return pairs;
    }));
  }
}
