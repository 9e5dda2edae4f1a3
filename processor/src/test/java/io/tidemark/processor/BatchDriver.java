package io.tidemark.processor;

import io.tidemark.stream.BatchInfo;
import io.tidemark.stream.BatchTime;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingListener;
import io.tidemark.testing.ManualClock;

/**
 * Runs a context built by a generated factory batch by batch on a {@link ManualClock}, as {@code
 * StreamingTestHarness} does for contexts it builds itself.
 */
final class BatchDriver implements AutoCloseable {

  private final ManualClock clock;
  private final StreamingContext context;
  private long completed;
  private Throwable failure;

  BatchDriver(ManualClock clock, StreamingContext context) {
    this.clock = clock;
    this.context = context;
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        synchronized (BatchDriver.this) {
          completed++;
          BatchDriver.this.notifyAll();
        }
      }

      @Override
      public void onBatchFailed(BatchTime time, Throwable error) {
        synchronized (BatchDriver.this) {
          failure = error;
          BatchDriver.this.notifyAll();
        }
      }
    });
  }

  /** Starts the context if needed, then runs {@code count} batches one after the other. */
  void runBatches(int count) throws InterruptedException {
    if (context.state() == io.tidemark.stream.StreamingContextState.INITIALIZED) {
      context.start();
    }
    for (int i = 0; i < count; i++) {
      long target;
      synchronized (this) {
        target = completed + 1;
      }
      clock.advance(context.batchInterval());
      synchronized (this) {
        while (completed < target && failure == null) {
          wait();
        }
        if (failure != null) {
          throw new AssertionError("batch failed", failure);
        }
      }
    }
  }

  @Override
  public void close() {
    context.stop(false);
  }
}
