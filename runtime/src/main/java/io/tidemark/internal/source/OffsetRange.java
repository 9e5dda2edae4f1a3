package io.tidemark.internal.source;

import org.apache.kafka.common.TopicPartition;

/**
 * The offsets {@code [from, until)} of one Kafka topic-partition that one batch reads. On a compacted or
 * transactional topic some offsets in the range hold no record (removed, or a transaction marker), so a
 * range may yield fewer than {@link #size()} records; it is read until the consumer's position reaches
 * {@code until}.
 */
public record OffsetRange(String topic, int partition, long from, long until) {

  public OffsetRange {
    if (from < 0 || until < from) {
      throw new IllegalArgumentException("Invalid offset range [" + from + ", " + until + ") of " + topic + "-"
          + partition);
    }
  }

  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** The number of offsets in the range: an upper bound of its records. */
  public long size() {
    return until - from;
  }

  @Override
  public String toString() {
    return topic + "-" + partition + " [" + from + ", " + until + ")";
  }
}
