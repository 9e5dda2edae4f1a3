package io.tidemark.internal.local;

import io.tidemark.function.KV;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.PartitionedBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code join} and {@code leftOuterJoin} within a batch: both sides are shuffled by key into the same
 * partitions, then each partition pairs every left value with every right value of its key.
 */
public final class JoinStage<K, V, W, R> extends MaterializedStage<KV<K, R>> {

  private final Stage<KV<K, V>> left;
  private final Stage<KV<K, W>> right;
  private final boolean keepUnmatchedLeft;
  private final BiFunction<V, Optional<W>, R> pair;

  /**
   * @param keepUnmatchedLeft emit left values without a right match, with an empty right (outer join)
   * @param pair builds the joined value from a left value and its right match
   */
  JoinStage(PlanNode<KV<K, R>> node, LocalExecution execution, Stage<KV<K, V>> left, Stage<KV<K, W>> right,
      boolean keepUnmatchedLeft, BiFunction<V, Optional<W>, R> pair) {
    super(node, execution);
    this.left = left;
    this.right = right;
    this.keepUnmatchedLeft = keepUnmatchedLeft;
    this.pair = pair;
  }

  @Override
  protected PartitionedBatch<KV<K, R>> compute(BatchRun run) {
    List<HashMap<K, List<V>>> lefts = KeyedShuffle.combineByKey(run, left, new GroupingCombiner<>(), (p, m) -> m);
    List<HashMap<K, List<W>>> rights = KeyedShuffle.combineByKey(run, right, new GroupingCombiner<>(), (p, m) -> m);
    return PartitionedBatch.of(run.pool().mapPartitions(p -> {
      HashMap<K, List<W>> rightByKey = rights.get(p);
      List<KV<K, R>> joined = new ArrayList<>();
      lefts.get(p).forEach((key, leftValues) -> {
        List<W> rightValues = rightByKey.get(key);
        for (V v : leftValues) {
          if (rightValues != null) {
            for (W w : rightValues) {
              joined.add(new KV<>(key, pair.apply(v, Optional.of(w))));
            }
          } else if (keepUnmatchedLeft) {
            joined.add(new KV<>(key, pair.apply(v, Optional.empty())));
          }
        }
      });
      return joined;
    }));
  }
}
