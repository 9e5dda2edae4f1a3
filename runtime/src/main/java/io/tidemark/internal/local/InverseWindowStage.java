package io.tidemark.internal.local;

import io.tidemark.function.KV;
import io.tidemark.internal.checkpoint.StageState;
import io.tidemark.internal.checkpoint.StateEntryConsumer;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * {@code reduceByKeyAndWindow} with an inverse function: instead of reducing the whole window every
 * slide, each parent batch is reduced once into a partial that enters the window, and the partial of
 * the batch leaving it is subtracted. Keys the filter rejects are dropped from the window.
 */
public final class InverseWindowStage<K, V> extends WindowedStage<KV<K, V>> implements StageState<K, V> {

  private final Stage<KV<K, V>> parent;
  private final BinaryOperator<V> reduce;
  private final BinaryOperator<V> inverse;
  private final Predicate<? super KV<K, V>> keep;
  private final List<InverseWindowState<K, V>> partitions;
  private final StateSerializers<K, V> serializers;

  InverseWindowStage(PlanNode<KV<K, V>> node, LocalExecution execution, Stage<KV<K, V>> parent,
      BinaryOperator<V> reduce, BinaryOperator<V> inverse, long lengthMillis, Predicate<? super KV<K, V>> keep,
      StateSerializers<K, V> serializers) {
    super(node, execution, parent, lengthMillis);
    this.parent = parent;
    this.reduce = reduce;
    this.inverse = inverse;
    this.keep = keep;
    this.partitions = new ArrayList<>();
    for (int p = 0; p < execution.parallelism(); p++) {
      partitions.add(new InverseWindowState<>());
    }
    this.serializers = serializers;
  }

  @Override
  public long stateSize() {
    long size = 0;
    for (InverseWindowState<K, V> partition : partitions) {
      size += partition.window().size();
    }
    return size;
  }

  @Override
  public int partitionCount() {
    return partitions.size();
  }

  @Override
  public Optional<StateSerializers<K, V>> serializers() {
    return Optional.ofNullable(serializers);
  }

  @Override
  public void forEachEntry(int partition, StateEntryConsumer<K, V> action) {
    InverseWindowState<K, V> state = partitions.get(partition);
    state.window().forEach((key, value) -> action.accept(key, value, WINDOW_VALUE));
    state.partials().forEach((time, partial) -> partial.forEach((key, value) -> action.accept(key, value, time)));
  }

  @Override
  public void restoreEntry(K key, V value, long time) {
    InverseWindowState<K, V> state = partitions.get(HashPartitioner.partitionOf(key, partitions.size()));
    if (time == WINDOW_VALUE) {
      state.window().put(key, value);
    } else {
      state.partials().computeIfAbsent(time, t -> new HashMap<>()).put(key, value);
    }
  }

  @Override
  protected PartitionedBatch<KV<K, V>> compute(BatchRun run) {
    long time = run.timeMillis();
    boolean emit = isValidAt(time);
    List<List<KV<K, V>>> parts = KeyedShuffle.combineByKey(run, parent, new ReducingCombiner<>(reduce),
        (partition, partial) -> {
          InverseWindowState<K, V> window = partitions.get(partition);
          window.enter(time, partial, reduce);
          window.leave(time - windowLengthMillis(), inverse);
          return emit ? window.retainAndList(keep) : null;
        });
    return emit ? PartitionedBatch.of(parts) : null;
  }
}
