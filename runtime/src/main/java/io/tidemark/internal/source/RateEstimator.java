package io.tidemark.internal.source;

import java.util.OptionalDouble;

/**
 * Estimates how many records per second a pipeline can process so that each batch's processing time
 * stays under the batch interval: a PID controller on the processing rate, as Spark Streaming's
 * backpressure. The error is the difference between the rate last allowed and the rate measured; the
 * integral term is the backlog (scheduling delay, converted to records) that the next batches must also
 * absorb. Plain arithmetic, no clock: the caller passes each batch's figures.
 */
public final class RateEstimator {

  private final long batchIntervalMillis;
  private final double proportional;
  private final double integral;
  private final double derivative;
  private final double minRate;
  private boolean first = true;
  private long latestTime = -1;
  private double latestRate = -1;
  private double latestError = -1;

  /**
   * @param minRate the lowest estimate, records per second: a pipeline that once stalled must still get
   *     enough records to measure that it has recovered
   */
  public RateEstimator(long batchIntervalMillis, double proportional, double integral, double derivative,
      double minRate) {
    if (batchIntervalMillis <= 0 || proportional < 0 || integral < 0 || derivative < 0 || minRate <= 0) {
      throw new IllegalArgumentException("Invalid rate estimator gains (batch interval and minimum rate positive,"
          + " gains not negative): " + batchIntervalMillis + ", " + proportional + ", " + integral + ", " + derivative
          + ", " + minRate);
    }
    this.batchIntervalMillis = batchIntervalMillis;
    this.proportional = proportional;
    this.integral = integral;
    this.derivative = derivative;
    this.minRate = minRate;
  }

  /** Spark's default gains: proportional 1, integral 0.2, derivative 0, at least 100 records/s. */
  public static RateEstimator withDefaultGains(long batchIntervalMillis) {
    return new RateEstimator(batchIntervalMillis, 1.0, 0.2, 0.0, 100);
  }

  /**
   * Takes the figures of a completed batch and returns the new estimate in records per second; empty
   * when the batch says nothing about the rate (no records, no measurable processing time, out of
   * order) and after the first batch, which only sets the starting point.
   */
  public synchronized OptionalDouble update(long batchTimeMillis, long records, long processingMillis,
      long schedulingDelayMillis) {
    if (batchTimeMillis <= latestTime || records <= 0 || processingMillis <= 0) {
      return OptionalDouble.empty();
    }
    double processingRate = records * 1000.0 / processingMillis;
    if (first) {
      first = false;
      latestTime = batchTimeMillis;
      latestRate = processingRate;
      latestError = 0;
      return OptionalDouble.empty();
    }
    double secondsSinceUpdate = (batchTimeMillis - latestTime) / 1000.0;
    double error = latestRate - processingRate;
    double backlog = schedulingDelayMillis * processingRate / batchIntervalMillis;
    double errorChange = (error - latestError) / secondsSinceUpdate;
    double rate = Math.max(minRate, latestRate - proportional * error - integral * backlog - derivative * errorChange);
    latestTime = batchTimeMillis;
    latestRate = rate;
    latestError = error;
    return OptionalDouble.of(rate);
  }
}
