package io.tidemark.engine;

import io.tidemark.stream.KV;

/** {@code reduceByKey} and {@code groupByKey}: one pair per key of the batch, its values combined. */
public final class CombineByKeyStage<K, V, C> extends MaterializedStage<KV<K, C>> {

  private final Stage<KV<K, V>> parent;
  private final Combiner<V, C> combiner;

  public CombineByKeyStage(String kind, Stage<KV<K, V>> parent, Combiner<V, C> combiner) {
    super(kind, parent);
    this.parent = parent;
    this.combiner = combiner;
  }

  @Override
  protected PartitionedBatch<KV<K, C>> compute(BatchRun run) {
    return PartitionedBatch.of(
        KeyedShuffle.combineByKey(run, parent, combiner, (partition, combined) -> KeyedShuffle.pairs(combined)));
  }
}
