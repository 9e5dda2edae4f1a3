package io.tidemark.internal.source;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits completed batches' offsets to the source's consumer group on a thread of its own, so the
 * pipeline never waits for it ({@code commitToKafka}). Only for Kafka's tools (lag): the checkpoint holds
 * the offsets, so a failed commit is logged and the next batch's commit supersedes it. A consumer's
 * {@code commitAsync} would not do: it completes only when that consumer is polled again.
 */
final class KafkaOffsetCommitter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaOffsetCommitter.class);

  private final String sourceId;
  private final Map<String, Object> consumerProperties;
  private ExecutorService thread;
  private Consumer<byte[], byte[]> consumer;

  KafkaOffsetCommitter(String sourceId, Map<String, Object> consumerProperties) {
    this.sourceId = sourceId;
    this.consumerProperties = consumerProperties;
  }

  /** Queues a commit; reopens after {@link #close}, as a graceful stop still completes batches. */
  synchronized void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (thread == null) {
      thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tidemark-kafka-commit-" + sourceId);
        t.setDaemon(true);
        return t;
      });
    }
    thread.execute(() -> {
      try {
        if (consumer == null) {
          consumer = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        consumer.commitSync(offsets);
      } catch (KafkaException e) {
        LOG.warn("Kafka source '{}' could not commit offsets {} to its consumer group (the checkpoint has them; the"
            + " next batch commits again): {}", sourceId, offsets, e.toString());
      }
    });
  }

  /** Waits (a while) for the queued commits, then closes. */
  @Override
  public synchronized void close() {
    if (thread == null) {
      return;
    }
    thread.execute(() -> {
      if (consumer != null) {
        consumer.close();
        consumer = null;
      }
    });
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("Kafka source '{}': offset commits still pending after 30 s are dropped", sourceId);
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }
}
