package io.tidemark.internal.checkpoint;

import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Runs a pipeline in stints on one checkpoint directory, each stint a {@code getOrCreate}, some batches
 * and a stop, as a restarted process would: on a new manual clock that takes up at the time the last
 * stint stopped (plus any time spent down).
 */
final class Restarts {

  private final Path directory;
  private final Function<ManualClock, StreamingContext> pipeline;
  private long now;
  private int factoryCalls;

  /** @param pipeline builds the pipeline on a context running on the given clock */
  Restarts(Path directory, Function<ManualClock, StreamingContext> pipeline) {
    this.directory = directory;
    this.pipeline = pipeline;
  }

  /** One stint: recovers (or creates) the context, runs {@code batches} new batches, stops. */
  void run(int batches) throws InterruptedException {
    ManualClock clock = new ManualClock(now);
    StreamingContext context = StreamingContext.getOrCreate(directory.toString(), () -> {
      factoryCalls++;
      return pipeline.apply(clock);
    });
    try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
      harness.runBatches(batches);
    }
    now = clock.nowMillis();
  }

  /** The pipeline is down for {@code millis}: the next stint's clock starts that much later. */
  void down(long millis) {
    now += millis;
  }

  int factoryCalls() {
    return factoryCalls;
  }
}
