package io.tidemark.stream;

import io.tidemark.function.KV;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;

/** The built-in {@link SinkSpec}s. */
public final class Sinks {

  private Sinks() {}

  /**
   * Each batch as text files in the directory {@code prefix-<timeMs>}; a rerun of a batch replaces its
   * directory, so the output is idempotent per batch.
   */
  public static <T> SinkSpec<T> textFiles(String prefix) {
    return stream -> stream.saveAsTextFiles(prefix);
  }

  /**
   * Each batch to Kafka {@code topic}, exactly once, in one transaction per batch; see {@link
   * DStream#writeToKafka}.
   */
  public static <K, V> SinkSpec<KV<K, V>> kafka(String topic, Map<String, String> producerProperties,
      Serializer<K> keys, Serializer<V> values) {
    return stream -> stream.writeToKafka(topic, producerProperties, keys, values, kv -> kv);
  }

  /** The first ten elements of each batch on standard output. */
  public static <T> SinkSpec<T> print() {
    return DStream::print;
  }
}
