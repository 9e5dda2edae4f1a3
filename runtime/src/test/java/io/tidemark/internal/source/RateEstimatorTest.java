package io.tidemark.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Backpressure as arithmetic: the PID estimate and the per-partition limits, figures worked out by hand. */
class RateEstimatorTest {

  private static final TopicPartition A = new TopicPartition("t", 0);
  private static final TopicPartition B = new TopicPartition("t", 1);
  private static final TopicPartition C = new TopicPartition("t", 2);

  @Test
  void theEstimateFollowsTheProcessingRateAndWorksOffTheBacklog() {
    RateEstimator estimator = RateEstimator.withDefaultGains(1000);
    assertThat(estimator.update(1000, 1000, 500, 0)).as("the first batch sets the starting point: 2000/s").isEmpty();
    // measured 1000/s: error 2000 - 1000, no backlog -> 1000/s
    assertThat(estimator.update(2000, 1000, 1000, 0)).hasValue(1000.0);
    // measured 500/s with 1 s of scheduling delay (500 records behind): 1000 - 500 - 0.2 * 500
    assertThat(estimator.update(3000, 1000, 2000, 1000)).hasValue(400.0);
    // a stall never drives the estimate below the minimum rate
    assertThat(estimator.update(4000, 10, 1000, 50_000)).hasValue(100.0);
  }

  @Test
  void batchesThatSayNothingAboutTheRateLeaveTheEstimateAlone() {
    RateEstimator estimator = RateEstimator.withDefaultGains(1000);
    estimator.update(1000, 1000, 500, 0);
    assertThat(estimator.update(2000, 0, 100, 0)).as("no records").isEmpty();
    assertThat(estimator.update(2000, 100, 0, 0)).as("no measurable processing time").isEmpty();
    assertThat(estimator.update(1000, 100, 100, 0)).as("not after the last update").isEmpty();
    assertThat(estimator.update(2000, 2000, 1000, 0)).hasValue(2000.0);
  }

  @Test
  void maxRatePerPartitionCapsEachPartitionForTheBatchInterval() {
    RateControl control = new RateControl(10, 2000, null);
    assertThat(control.limits(Map.of(A, 100L, B, 5L, C, 0L))).isEqualTo(Map.of(A, 20L, B, 5L, C, 0L));
    assertThat(new RateControl(0, 2000, null).limits(Map.of(A, 100L))).as("0: no limit").isEqualTo(Map.of(A, 100L));
    assertThat(new RateControl(1, 100, null).limits(Map.of(A, 100L))).as("at least one record").isEqualTo(Map.of(A, 1L));
  }

  @Test
  void backpressureSharesTheEstimateByLagUnderTheMaximum() {
    RateControl control = new RateControl(0, 1000, RateEstimator.withDefaultGains(1000));
    assertThat(control.limits(Map.of(A, 3000L, B, 1000L))).as("no estimate yet").isEqualTo(Map.of(A, 3000L, B, 1000L));
    control.batchCompleted(1000, 1000, 500, 0);
    control.batchCompleted(2000, 1000, 1000, 0); // estimate: 1000/s
    assertThat(control.limits(Map.of(A, 3000L, B, 1000L))).isEqualTo(Map.of(A, 750L, B, 250L));
    RateControl capped = new RateControl(500, 1000, RateEstimator.withDefaultGains(1000));
    capped.batchCompleted(1000, 1000, 500, 0);
    capped.batchCompleted(2000, 1000, 1000, 0);
    assertThat(capped.limits(Map.of(A, 3000L, B, 1000L))).isEqualTo(Map.of(A, 500L, B, 250L));
  }
}
