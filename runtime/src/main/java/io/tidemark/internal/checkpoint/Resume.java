package io.tidemark.internal.checkpoint;

import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * Where a restarted scheduler takes up a checkpointed run.
 *
 * @param zeroTime the checkpointed run's zero time, so batch times and window boundaries stay where they were
 * @param stateTime the batch time the restored state is as of ({@link Long#MIN_VALUE} if there is none)
 * @param recompute completed batches to run again without outputs, oldest first: those after
 *     {@code stateTime} rebuild the state; earlier ones only refill windows that keep no state
 * @param pending batches generated but not completed, to run with their outputs
 * @param positions the sources' positions by source id
 */
public record Resume(long zeroTime, long stateTime, List<GeneratedBatch> recompute, List<GeneratedBatch> pending,
    Map<String, SourcePosition> positions) {

  public Resume {
    recompute = List.copyOf(recompute);
    pending = List.copyOf(pending);
    positions = Map.copyOf(positions);
  }
}
