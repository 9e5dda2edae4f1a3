package io.tidemark.source;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

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

  /**
   * The partitions of the subscribed topics that exist now (a topic that does not exist has none). Asked
   * of the cluster every time, not of a client's cached metadata, so new partitions show up at once.
   */
  public Set<TopicPartition> partitions(Admin admin) {
    Set<TopicPartition> partitions = new TreeSet<>(
        Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    try {
      List<String> subscribed = admin.listTopics().names().get().stream().filter(this::includes).toList();
      admin.describeTopics(subscribed).allTopicNames().get().forEach((topic, description) ->
          description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) { // deleted between the two calls
        throw new IllegalStateException("Cannot list the partitions of " + this + ": " + e.getCause().getMessage(),
            e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while listing the partitions of " + this, e);
    }
    return partitions;
  }

  @Override
  public String toString() {
    return pattern == null ? "topics " + topics : "topics matching " + pattern;
  }
}
