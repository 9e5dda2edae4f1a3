package io.tidemark.internal.plan;

import io.tidemark.internal.sink.DriverSink;
import io.tidemark.sink.PartitionedSink;

/**
 * An output of a logical plan: writes a stage's batch at every batch time the stage produces one.
 * Outputs run in registration order.
 *
 * @param kind what the output does ({@code foreachBatch}, {@code print}, {@code saveAsTextFiles}, ...)
 */
public record OutputNode(String id, String kind, PlanNode<?> input, Target target) {

  /**
   * Where the batches go: the whole batch to a sink on the driver ({@code foreachBatch}, {@code print},
   * the transactional Kafka sink), or each partition to a sink where it was computed.
   */
  public sealed interface Target {}

  public record OnDriver(DriverSink<?> sink) implements Target {}

  public record PerPartition(PartitionedSink<?> sink) implements Target {}

  OutputNode withId(String newId) {
    return new OutputNode(newId, kind, input, target);
  }

  @Override
  public String toString() {
    return kind + " output '" + id + "'";
  }
}
