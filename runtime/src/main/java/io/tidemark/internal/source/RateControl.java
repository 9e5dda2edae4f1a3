package io.tidemark.internal.source;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records each partition may contribute to a batch: at most {@code maxRatePerPartition} ×
 * the batch interval, and with backpressure the estimated sustainable rate shared among partitions in
 * proportion to their lag. Every partition with a lag gets at least one record, so a tiny rate or a
 * stalled estimate cannot stop the pipeline. Thread-safe: the runner reports, the generator plans.
 */
public final class RateControl {

  private final long maxRatePerPartition;
  private final long batchIntervalMillis;
  private final RateEstimator estimator;
  private volatile OptionalDouble estimatedRate = OptionalDouble.empty();

  /**
   * @param maxRatePerPartition records per second and partition; 0 for no limit
   * @param estimator the backpressure's estimator; null without backpressure
   */
  public RateControl(long maxRatePerPartition, long batchIntervalMillis, RateEstimator estimator) {
    this.maxRatePerPartition = maxRatePerPartition;
    this.batchIntervalMillis = batchIntervalMillis;
    this.estimator = estimator;
  }

  /** The backpressure's current estimate of the sustainable rate, records per second; empty without one. */
  public OptionalDouble estimatedRate() {
    return estimatedRate;
  }

  /** A completed batch's figures, for the backpressure estimate. */
  public void batchCompleted(long batchTimeMillis, long records, long processingMillis, long schedulingDelayMillis) {
    if (estimator != null) {
      OptionalDouble rate = estimator.update(batchTimeMillis, records, processingMillis, schedulingDelayMillis);
      if (rate.isPresent()) {
        estimatedRate = rate;
      }
    }
  }

  /** The most records each partition may contribute to the next batch, given how far behind each one is. */
  public Map<TopicPartition, Long> limits(Map<TopicPartition, Long> lags) {
    OptionalDouble estimate = estimatedRate;
    long totalLag = lags.values().stream().mapToLong(Long::longValue).sum();
    double seconds = batchIntervalMillis / 1000.0;
    Map<TopicPartition, Long> limits = new HashMap<>();
    lags.forEach((partition, lag) -> {
      double rate = maxRatePerPartition > 0 ? maxRatePerPartition : Double.POSITIVE_INFINITY;
      if (estimate.isPresent() && totalLag > 0) {
        rate = Math.min(rate, estimate.getAsDouble() * lag / totalLag);
      }
      long limit = Double.isInfinite(rate) ? Long.MAX_VALUE : (long) (rate * seconds);
      limits.put(partition, Math.min(lag, Math.max(1, limit)));
    });
    return limits;
  }
}
