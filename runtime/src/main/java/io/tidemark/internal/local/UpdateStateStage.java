package io.tidemark.internal.local;

import io.tidemark.function.KV;
import io.tidemark.function.StateUpdate;
import io.tidemark.internal.checkpoint.StageState;
import io.tidemark.internal.checkpoint.StateEntryConsumer;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code updateStateByKey}: each batch, every key with state or new values gets {@code update(key,
 * values, state)}; a null result removes the key. Emits the whole state every batch, as Spark does.
 */
public final class UpdateStateStage<K, V, S> extends MaterializedStage<KV<K, S>> implements StageState<K, S> {

  private final Stage<KV<K, V>> parent;
  private final StateUpdate<K, V, S> update;
  private final KeyedState<K, S> state;
  private final StateSerializers<K, S> serializers;

  /** @param serializers how the state is checkpointed; null if it is not */
  UpdateStateStage(PlanNode<KV<K, S>> node, LocalExecution execution, Stage<KV<K, V>> parent,
      StateUpdate<K, V, S> update, StateSerializers<K, S> serializers) {
    super(node, execution);
    this.parent = parent;
    this.update = update;
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
    state.partition(partition).forEach((key, value) -> action.accept(key, value, 0));
  }

  @Override
  public void restoreEntry(K key, S value, long time) {
    state.put(key, value);
  }

  @Override
  protected PartitionedBatch<KV<K, S>> compute(BatchRun run) {
    return PartitionedBatch.of(KeyedShuffle.combineByKey(run, parent, new GroupingCombiner<>(),
        (partition, newValues) -> updatePartition(state.partition(partition), newValues)));
  }

  private List<KV<K, S>> updatePartition(HashMap<K, S> states, HashMap<K, List<V>> newValues) {
    for (Iterator<Map.Entry<K, S>> it = states.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<K, S> entry = it.next();
      List<V> values = newValues.remove(entry.getKey());
      S next = update.apply(entry.getKey(), values == null ? List.of() : values, Optional.of(entry.getValue()));
      if (next == null) {
        it.remove();
      } else {
        entry.setValue(next);
      }
    }
    newValues.forEach((key, values) -> {
      S first = update.apply(key, values, Optional.empty());
      if (first != null) {
        states.put(key, first);
      }
    });
    return KeyedShuffle.pairs(states);
  }
}
