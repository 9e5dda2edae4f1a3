package io.tidemark.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** The topics a Kafka source reads: a fixed list, or every topic whose name matches a pattern. */
public final class KafkaSubscription {

  private final List<String> topics;
  private final Pattern pattern;

  private KafkaSubscription(List<String> topics, Pattern pattern) {
    this.topics = topics;
    this.pattern = pattern;
  }

  public static KafkaSubscription topics(String... topics) {
    return topics(List.of(topics));
  }

  public static KafkaSubscription topics(List<String> topics) {
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("A Kafka source needs at least one topic");
    }
    return new KafkaSubscription(List.copyOf(topics), null);
  }

  /** Every topic whose whole name matches {@code pattern}, including topics created while the pipeline runs. */
  public static KafkaSubscription pattern(Pattern pattern) {
    return new KafkaSubscription(null, pattern);
  }

  /** Whether {@code topic} is one of the subscribed topics. */
  public boolean includes(String topic) {
    return pattern == null ? topics.contains(topic) : pattern.matcher(topic).matches();
  }

  /** The partitions of the subscribed topics that exist now (a topic that does not exist has none). */
  public Set<TopicPartition> partitions(Consumer<?, ?> consumer) {
    List<PartitionInfo> found = new ArrayList<>();
    if (pattern == null) {
      for (String topic : topics) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        if (partitions != null) {
          found.addAll(partitions);
        }
      }
    } else {
      consumer.listTopics().forEach((topic, partitions) -> {
        if (pattern.matcher(topic).matches()) {
          found.addAll(partitions);
        }
      });
    }
    Set<TopicPartition> partitions = new TreeSet<>(
        Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    found.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    return partitions;
  }

  @Override
  public String toString() {
    return pattern == null ? "topics " + topics : "topics matching " + pattern;
  }
}
