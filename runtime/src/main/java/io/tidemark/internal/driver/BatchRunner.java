package io.tidemark.internal.driver;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.BatchTime;
import io.tidemark.function.Clock;
import io.tidemark.internal.checkpoint.CheckpointHook;
import io.tidemark.internal.plan.BatchExecution;
import io.tidemark.internal.plan.PlanExecution;
import io.tidemark.internal.source.GeneratedBatch;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs one batch on the engine: its stages (shuffles, state and windows computed) while, when
 * checkpointing, the metadata checkpoint that records it as pending is written; once that is durable,
 * its outputs; then the batch's completion and the checkpoint of it.
 */
final class BatchRunner {

  private final PlanExecution execution;
  private final Clock clock;
  private final CheckpointHook checkpoints;

  /** @param checkpoints told about every batch run with outputs; null when not checkpointing */
  BatchRunner(PlanExecution execution, Clock clock, CheckpointHook checkpoints) {
    this.execution = execution;
    this.clock = clock;
    this.checkpoints = checkpoints;
  }

  /** Runs a batch with its outputs; {@code planning} gives the generator's side for its checkpoints. */
  BatchInfo run(GeneratedBatch batch, Supplier<CheckpointHook.Planning> planning) {
    long startedAt = clock.nowMillis();
    long startNanos = System.nanoTime();
    BatchExecution run = execution.batch(batch, false);
    if (checkpoints != null) {
      checkpoints.batchStarting(batch, planning.get());
    }
    run.computeStages();
    if (checkpoints != null) {
      checkpoints.beforeOutputs();
    }
    run.runOutputs();
    run.complete();
    if (checkpoints != null) {
      checkpoints.afterBatch(batch, planning.get());
    }
    Duration processing = Duration.ofNanos(System.nanoTime() - startNanos);
    // measured on the pipeline's clock from the batch time: a backlog shows up as a growing delay
    Duration scheduling = Duration.ofMillis(Math.max(0, startedAt - batch.timeMillis()));
    return new BatchInfo(new BatchTime(batch.timeMillis()), run.recordsIn(), scheduling, processing,
        scheduling.plus(processing), execution.stateSizes(), run.outputRecords());
  }

  /**
   * Runs a completed batch again during a recovery, without outputs: to rebuild the state after the
   * restored data checkpoint, or (when the state already includes it) to refill stateless windows.
   */
  void recompute(GeneratedBatch batch, boolean stateRestored) {
    BatchExecution run = execution.batch(batch, stateRestored);
    run.computeStages();
    run.complete();
  }
}
