package io.tidemark.internal.plan;

import io.tidemark.internal.checkpoint.StageState;
import io.tidemark.internal.source.GeneratedBatch;
import java.util.List;
import java.util.Map;

/** One run of a plan on an engine, from {@link Engine#prepare} to {@link #close}. */
public interface PlanExecution extends AutoCloseable {

  /**
   * The state of every stateful stage of the plan, in registration order: what a data checkpoint
   * writes and a recovery restores (before {@link #start}).
   */
  List<StageState<?, ?>> stageStates();

  /** The first batch follows: batch times are {@code zeroTime} plus multiples of the batch interval. */
  void start(long zeroTime);

  /**
   * The batch at {@code batch}'s time, to run now; batches run one at a time, in batch order.
   *
   * @param stateRestored a recovery's rerun of a batch the restored state already includes: stateful
   *     stages must not apply it again
   */
  BatchExecution batch(GeneratedBatch batch, boolean stateRestored);

  /** Keys held per stateful stage id, for the listeners. */
  Map<String, Long> stateSizes();

  /** No batch follows: releases the workers and closes the outputs' sinks. */
  @Override
  void close();
}
