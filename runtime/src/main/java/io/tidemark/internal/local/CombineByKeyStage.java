package io.tidemark.internal.local;

import io.tidemark.function.KV;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;

/** {@code reduceByKey} and {@code groupByKey}: one pair per key of the batch, its values combined. */
public final class CombineByKeyStage<K, V, C> extends MaterializedStage<KV<K, C>> {

  private final Stage<KV<K, V>> parent;
  private final Combiner<V, C> combiner;

  CombineByKeyStage(PlanNode<KV<K, C>> node, LocalExecution execution, Stage<KV<K, V>> parent,
      Combiner<V, C> combiner) {
    super(node, execution);
    this.parent = parent;
    this.combiner = combiner;
  }

  @Override
  protected PartitionedBatch<KV<K, C>> compute(BatchRun run) {
    return PartitionedBatch.of(
        KeyedShuffle.combineByKey(run, parent, combiner, (partition, combined) -> KeyedShuffle.pairs(combined)));
  }
}
