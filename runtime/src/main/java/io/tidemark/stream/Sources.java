package io.tidemark.stream;

import io.tidemark.source.KafkaSubscription;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/** The built-in {@link SourceSpec}s. */
public final class Sources {

  private Sources() {}

  /** Lines of UTF-8 text read from a TCP server. */
  public static SourceSpec<String> socketText(String host, int port) {
    return context -> context.socketTextStream(host, port);
  }

  /** Lines of the text files that appear in {@code directory}. */
  public static SourceSpec<String> textFiles(Path directory) {
    return context -> context.textFileStream(directory);
  }

  /** As {@link #textFiles(Path)}, the directory given as a path string. */
  public static SourceSpec<String> textFiles(String directory) {
    return textFiles(Path.of(directory));
  }

  /** The values of Kafka records as UTF-8 strings; see {@link StreamingContext#kafkaStream(KafkaSubscription, Map)}. */
  public static SourceSpec<String> kafka(KafkaSubscription topics, Map<String, String> properties) {
    return context -> context.kafkaStream(topics, properties);
  }

  /** Kafka records mapped to elements; see {@link StreamingContext#kafkaStream(KafkaSubscription, Map, Deserializer, Deserializer, Function)}. */
  public static <K, V, T> SourceSpec<T> kafka(KafkaSubscription topics, Map<String, String> properties,
      Deserializer<K> keys, Deserializer<V> values, Function<? super ConsumerRecord<K, V>, ? extends T> mapper) {
    return context -> context.kafkaStream(topics, properties, keys, values, mapper);
  }

  /** For tests: one collection of {@code queue} per batch, then empty batches. */
  public static <T> SourceSpec<T> queue(Queue<? extends Collection<T>> queue) {
    return context -> context.queueStream(queue, true);
  }

  /** For tests: one of {@code batches} per batch, then empty batches. */
  public static <T> SourceSpec<T> queue(List<? extends Collection<T>> batches) {
    return queue(new ConcurrentLinkedQueue<>(batches));
  }
}
