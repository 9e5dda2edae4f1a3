package io.tidemark.internal.sink;

import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.sink.OutputContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each batch to a Kafka topic exactly once, in one transaction per batch. With the records, the
 * transaction commits a marker: the batch time, as the offset of partition 0 of the topic in a consumer
 * group of its own ({@link #markerGroup}), through {@code sendOffsetsToTransaction}, so the marker is
 * visible exactly when the batch's records are. On start the producer's {@code initTransactions} aborts
 * whatever transaction a crashed (or still running) predecessor with the same {@code transactional.id}
 * left open, and fences it off; then the marker is read back. A batch at or before the marker was
 * committed by an earlier run, and is skipped when a recovery runs it again; a later one is written.
 * Consumers with {@code isolation.level=read_committed} see every record once.
 *
 * <p>One producer for all of a batch's partitions, on the job runner thread: a transaction cannot span
 * producers, and several per-task producers would commit a batch piecemeal (a crash between their
 * commits would leave half a batch visible). Sends are asynchronous and batched by the producer anyway.
 */
public final class KafkaSink<T, K, V> implements DriverSink<T> {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

  private final String topic;
  private final Map<String, Object> producerProperties;
  private final Serializer<K> keys;
  private final Serializer<V> values;
  private final Function<? super T, KV<K, V>> toRecord;
  private Producer<K, V> producer;
  private String transactionalId;
  private long lastCommittedBatch = Long.MIN_VALUE;

  /**
   * The {@code transactional.id} is the producer properties' own, or else {@code <pipeline>.<output id>}:
   * stable across restarts, unique among running producers.
   */
  public KafkaSink(String topic, Map<String, String> producerProperties, Serializer<K> keys, Serializer<V> values,
      Function<? super T, KV<K, V>> toRecord) {
    if (!producerProperties.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException("The Kafka sink needs " + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG
          + " among its producer properties");
    }
    this.topic = topic;
    this.producerProperties = new HashMap<>(producerProperties);
    this.keys = keys;
    this.values = values;
    this.toRecord = toRecord;
  }

  /** The consumer group whose committed offset records the last batch a sink committed. */
  public static String markerGroup(String transactionalId) {
    return "tidemark-sink." + transactionalId;
  }

  @Override
  public void open(OutputContext context) {
    transactionalId = String.valueOf(producerProperties.computeIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
        key -> context.pipeline() + "." + context.outputId()));
  }

  @Override
  public void write(BatchTime time, List<T> batch) {
    if (producer == null) {
      connect();
    }
    if (time.milliseconds() <= lastCommittedBatch) {
      LOG.info("Kafka sink {}: batch {} was committed to {} by an earlier run; not writing it again", transactionalId,
          time, topic);
      return;
    }
    producer.beginTransaction();
    try {
      for (T element : batch) {
        KV<K, V> record = toRecord.apply(element);
        producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
      }
      producer.sendOffsetsToTransaction(Map.of(markerPartition(), new OffsetAndMetadata(time.milliseconds(),
          "the last batch time committed by Tidemark")), new ConsumerGroupMetadata(markerGroup(transactionalId)));
      producer.commitTransaction(); // flushes: a failed send fails the commit
    } catch (ProducerFencedException e) {
      close();
      throw new IllegalStateException("Kafka sink " + transactionalId + " was fenced off while writing batch " + time
          + ": another instance of this pipeline started with the same transactional.id. Only one may run", e);
    } catch (KafkaException e) {
      abortQuietly(e);
      throw new IllegalStateException("Kafka sink " + transactionalId + " could not commit batch " + time + " to "
          + topic + ": " + e.getMessage() + "; the transaction was aborted and a restart writes the batch again", e);
    }
    lastCommittedBatch = time.milliseconds();
  }

  private TopicPartition markerPartition() {
    return new TopicPartition(topic, 0);
  }

  /**
   * Starts the transactional producer, which aborts a predecessor's open transaction, then reads the
   * marker: only now can no transaction still commit one.
   */
  private void connect() {
    producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    producer = new KafkaProducer<>(producerProperties, keys, values);
    producer.initTransactions();
    Map<String, Object> adminProperties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        producerProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    try (Admin admin = Admin.create(adminProperties)) {
      OffsetAndMetadata marker = admin.listConsumerGroupOffsets(markerGroup(transactionalId),
              new ListConsumerGroupOffsetsOptions().requireStable(true))
          .partitionsToOffsetAndMetadata().get().get(markerPartition());
      lastCommittedBatch = marker == null ? Long.MIN_VALUE : marker.offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the last committed batch of Kafka sink "
          + transactionalId, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka sink " + transactionalId + " cannot read which batch it last committed"
          + " (consumer group " + markerGroup(transactionalId) + "): " + e.getCause().getMessage(), e.getCause());
    }
    LOG.info("Kafka sink {} writes to {}; last committed batch: {}", transactionalId, topic,
        lastCommittedBatch == Long.MIN_VALUE ? "none" : new BatchTime(lastCommittedBatch));
  }

  private void abortQuietly(KafkaException cause) {
    try {
      producer.abortTransaction();
    } catch (KafkaException e) {
      cause.addSuppressed(e);
      close();
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close();
      producer = null;
    }
  }
}
