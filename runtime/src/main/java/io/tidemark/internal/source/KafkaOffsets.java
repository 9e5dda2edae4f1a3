package io.tidemark.internal.source;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The position of a Kafka source: per topic and partition, the offset the next batch starts from (every
 * offset below it was planned into a batch). For example {@code {"type": "kafkaOffsets", "offsets":
 * {"words": {"0": 170, "1": 164}}}}.
 */
public record KafkaOffsets(Map<String, Map<Integer, Long>> offsets) implements SourcePosition {

  public static final String TYPE = "kafkaOffsets";

  public KafkaOffsets {
    Map<String, Map<Integer, Long>> sorted = new TreeMap<>();
    offsets.forEach((topic, partitions) -> sorted.put(topic, new TreeMap<>(partitions)));
    offsets = sorted;
  }

  public static KafkaOffsets of(Map<TopicPartition, Long> next) {
    Map<String, Map<Integer, Long>> offsets = new HashMap<>();
    next.forEach((tp, offset) -> offsets.computeIfAbsent(tp.topic(), t -> new HashMap<>()).put(tp.partition(), offset));
    return new KafkaOffsets(offsets);
  }

  /** The next offset of every topic-partition. */
  public Map<TopicPartition, Long> byPartition() {
    Map<TopicPartition, Long> next = new HashMap<>();
    offsets.forEach((topic, partitions) -> partitions.forEach((p, offset) -> next.put(new TopicPartition(topic, p), offset)));
    return next;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
