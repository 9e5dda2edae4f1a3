package io.tidemark.function;

/**
 * The time source of a pipeline. Batches are generated when this clock reaches each batch time, so a
 * test can drive a pipeline exactly by advancing a {@link io.tidemark.testing.ManualClock}.
 */
public interface Clock {

  long nowMillis();

  /** Blocks until {@link #nowMillis()} is at least {@code targetMillis}; returns the time then. */
  long waitTillTime(long targetMillis) throws InterruptedException;

  /** Wall-clock time. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
