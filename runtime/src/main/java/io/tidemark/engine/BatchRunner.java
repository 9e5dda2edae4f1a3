package io.tidemark.engine;

import io.tidemark.stream.BatchInfo;
import io.tidemark.stream.BatchTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one batch: every active stage's batch work in topological order (shuffles, state and windows
 * materialize here, narrow chains stay lazy) while, when checkpointing, the metadata checkpoint that
 * records it as pending is written; once that is durable, the outputs in registration order, then the
 * stages' cleanup and the checkpoint of its completion.
 */
final class BatchRunner {

  private final StreamGraph graph;
  private final Clock clock;
  private final TaskPool pool;
  private final CheckpointHook checkpoints;

  /** @param checkpoints told about every batch run with outputs; null when not checkpointing */
  BatchRunner(StreamGraph graph, Clock clock, TaskPool pool, CheckpointHook checkpoints) {
    this.graph = graph;
    this.clock = clock;
    this.pool = pool;
    this.checkpoints = checkpoints;
  }

  /** Runs a batch with its outputs; {@code planning} gives the generator's side for its checkpoints. */
  BatchInfo run(GeneratedBatch batch, Supplier<CheckpointHook.Planning> planning) {
    long startedAt = clock.nowMillis();
    long startNanos = System.nanoTime();
    BatchRun run = new BatchRun(batch, pool, false);
    if (checkpoints != null) {
      checkpoints.batchStarting(batch, planning.get());
    }
    for (Stage<?> stage : graph.activeStages()) {
      stage.onBatch(run);
    }
    if (checkpoints != null) {
      checkpoints.beforeOutputs();
    }
    Map<String, Long> outputRecords = new LinkedHashMap<>();
    for (OutputOperation<?> output : graph.outputs()) {
      long written = output.run(run);
      if (written >= 0) {
        outputRecords.put(output.id(), written);
      }
    }
    afterBatch(run);
    if (checkpoints != null) {
      checkpoints.afterBatch(batch, planning.get());
    }
    Duration processing = Duration.ofNanos(System.nanoTime() - startNanos);
    // measured on the pipeline's clock from the batch time: a backlog shows up as a growing delay
    Duration scheduling = Duration.ofMillis(Math.max(0, startedAt - batch.timeMillis()));
    return new BatchInfo(new BatchTime(batch.timeMillis()), run.recordsIn(), scheduling, processing,
        scheduling.plus(processing), graph.stateSizes(), outputRecords);
  }

  /**
   * Runs a completed batch again during a recovery, without outputs: to rebuild the state after the
   * restored data checkpoint, or (when the state already includes it) to refill stateless windows.
   */
  void recompute(GeneratedBatch batch, boolean stateRestored) {
    BatchRun run = new BatchRun(batch, pool, stateRestored);
    for (Stage<?> stage : graph.activeStages()) {
      stage.onBatch(run);
    }
    afterBatch(run);
  }

  private void afterBatch(BatchRun run) {
    for (Stage<?> stage : graph.activeStages()) {
      stage.afterBatch(run);
    }
  }
}
