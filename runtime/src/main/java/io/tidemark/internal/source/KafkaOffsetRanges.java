package io.tidemark.internal.source;

import java.util.Comparator;
import java.util.List;

/**
 * The input of a batch from Kafka: the offset ranges it reads, one per topic-partition that had new
 * records, ordered by topic and partition. For example {@code {"type": "kafkaOffsetRanges", "ranges":
 * [{"topic": "words", "partition": 0, "from": 120, "until": 170}]}}.
 */
public record KafkaOffsetRanges(List<OffsetRange> ranges) implements InputDescriptor {

  public static final String TYPE = "kafkaOffsetRanges";

  public KafkaOffsetRanges {
    ranges = ranges.stream()
        .sorted(Comparator.comparing(OffsetRange::topic).thenComparingInt(OffsetRange::partition))
        .toList();
  }

  /** The number of offsets the batch covers: an upper bound of its records. */
  public long size() {
    return ranges.stream().mapToLong(OffsetRange::size).sum();
  }

  @Override
  public String type() {
    return TYPE;
  }
}
