package io.tidemark.engine;

import io.tidemark.stream.BatchInfo;
import io.tidemark.stream.BatchTime;
import java.time.Duration;

/**
 * Runs one batch: every active stage's batch work in topological order (shuffles, state and windows
 * materialize here, narrow chains stay lazy), then the outputs in registration order, then the stages'
 * cleanup.
 */
final class BatchRunner {

  private final StreamGraph graph;
  private final Clock clock;
  private final TaskPool pool;

  BatchRunner(StreamGraph graph, Clock clock, TaskPool pool) {
    this.graph = graph;
    this.clock = clock;
    this.pool = pool;
  }

  BatchInfo run(GeneratedBatch batch) {
    long startedAt = clock.nowMillis();
    long startNanos = System.nanoTime();
    BatchRun run = new BatchRun(batch, pool);
    for (Stage<?> stage : graph.activeStages()) {
      stage.onBatch(run);
    }
    for (OutputOperation<?> output : graph.outputs()) {
      output.run(run);
    }
    for (Stage<?> stage : graph.activeStages()) {
      stage.afterBatch(run);
    }
    Duration processing = Duration.ofNanos(System.nanoTime() - startNanos);
    // measured on the pipeline's clock from the batch time: a backlog shows up as a growing delay
    Duration scheduling = Duration.ofMillis(Math.max(0, startedAt - batch.timeMillis()));
    return new BatchInfo(new BatchTime(batch.timeMillis()), run.recordsIn(), scheduling, processing,
        scheduling.plus(processing), graph.stateSizes());
  }
}
