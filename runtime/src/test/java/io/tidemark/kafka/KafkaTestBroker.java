package io.tidemark.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka (broker and controller in one) for tests, with the internal topics at
 * replication 1 so that transactions work, and the admin, produce and read-back calls tests need. One
 * per test class: it takes seconds to start.
 */
public final class KafkaTestBroker implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final Admin admin;

  private KafkaTestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
  }

  public static KafkaTestBroker start() throws Exception {
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
        new TestKitNodes.Builder().setNumBrokerNodes(1).setNumControllerNodes(1).setCombined(true).build())
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaTestBroker(cluster);
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  public String bootstrap() {
    return cluster.bootstrapServers();
  }

  public Admin admin() {
    return admin;
  }

  public void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
  }

  public void addPartitions(String topic, int totalPartitions) throws ExecutionException, InterruptedException {
    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(totalPartitions))).all().get();
  }

  /** Removes the records of {@code partition} below {@code offset}, as retention would. */
  public void deleteRecordsBefore(TopicPartition partition, long offset) throws ExecutionException, InterruptedException {
    admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(offset))).all().get();
  }

  /** Writes {@code values} to {@code partition} of {@code topic}, in order, and waits until they are acknowledged. */
  public void send(String topic, int partition, Collection<String> values) {
    try (KafkaProducer<String, String> producer = producer(Map.of())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, partition, null, value));
      }
    }
  }

  public KafkaProducer<String, String> producer(Map<String, String> extra) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    properties.putAll(extra);
    return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
  }

  /**
   * Every record of {@code topic} a {@code read_committed} consumer sees, from the beginning to the end of
   * the log as of now (the last stable offset), partition by partition.
   */
  public List<ConsumerRecord<String, String>> readCommitted(String topic) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      Predicate<TopicPartition> unread = tp -> consumer.position(tp) < end.get(tp);
      while (partitions.stream().anyMatch(unread)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** The offsets consumer group {@code group} has committed, by partition. */
  public Map<TopicPartition, Long> committedOffsets(String group) throws ExecutionException, InterruptedException {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    committed.forEach((tp, offset) -> offsets.put(tp, offset.offset()));
    return offsets;
  }

  @Override
  public void close() throws Exception {
    try {
      admin.close();
    } finally {
      cluster.close();
    }
  }
}
