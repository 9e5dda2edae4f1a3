package io.tidemark.internal.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka source's options, parsed from the same map as its consumer properties: the keys below are
 * Tidemark's, every other key goes to the consumers unchanged.
 *
 * <ul>
 *   <li>{@value #STARTING_OFFSETS}: where to start without a checkpoint, see {@link StartingOffsets}
 *       (default {@code latest}, as Spark's direct stream);
 *   <li>{@value #ON_OUT_OF_RANGE}: {@code fail} (default) or {@code earliest}, see {@link OutOfRangePolicy};
 *   <li>{@value #MAX_RATE_PER_PARTITION}: records per second and partition a batch may take at most (0,
 *       the default: no limit);
 *   <li>{@value #BACKPRESSURE}: {@code true} to size batches from the recent processing rate;
 *   <li>{@value #COMMIT_TO_KAFKA}: {@code true} to commit each batch's end offsets to the consumer group
 *       once its outputs succeeded, so that Kafka's tools show the lag (needs {@code group.id}).
 * </ul>
 *
 * {@code enable.auto.commit} is always false: the checkpoint holds the offsets, and an automatic commit
 * would record offsets whose batch may not have run.
 */
public record KafkaSourceOptions(StartingOffsets startingOffsets, OutOfRangePolicy onOutOfRange,
    long maxRatePerPartition, boolean backpressure, boolean commitToKafka, Map<String, Object> consumerProperties) {

  public static final String STARTING_OFFSETS = "startingOffsets";
  public static final String ON_OUT_OF_RANGE = "onOutOfRange";
  public static final String MAX_RATE_PER_PARTITION = "maxRatePerPartition";
  public static final String BACKPRESSURE = "backpressure";
  public static final String COMMIT_TO_KAFKA = "commitToKafka";
  private static final Set<String> OWN_KEYS =
      Set.of(STARTING_OFFSETS, ON_OUT_OF_RANGE, MAX_RATE_PER_PARTITION, BACKPRESSURE, COMMIT_TO_KAFKA);
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceOptions.class);

  /**
   * Splits {@code properties} into Tidemark's options and the consumer's properties.
   *
   * @throws IllegalArgumentException naming the key of a bad value and the allowed values
   */
  public static KafkaSourceOptions parse(Map<String, String> properties) {
    if (!properties.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException("The Kafka source needs " + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG
          + " among its properties");
    }
    StartingOffsets starting = StartingOffsets.parse(STARTING_OFFSETS, properties.getOrDefault(STARTING_OFFSETS, "latest"));
    OutOfRangePolicy onOutOfRange = OutOfRangePolicy.parse(ON_OUT_OF_RANGE, properties.getOrDefault(ON_OUT_OF_RANGE, "fail"));
    long maxRate = nonNegative(MAX_RATE_PER_PARTITION, properties.getOrDefault(MAX_RATE_PER_PARTITION, "0"));
    boolean backpressure = flag(BACKPRESSURE, properties.getOrDefault(BACKPRESSURE, "false"));
    boolean commit = flag(COMMIT_TO_KAFKA, properties.getOrDefault(COMMIT_TO_KAFKA, "false"));
    boolean hasGroup = properties.containsKey(ConsumerConfig.GROUP_ID_CONFIG);
    if ((commit || starting.kind() == StartingOffsets.Kind.COMMITTED) && !hasGroup) {
      throw new IllegalArgumentException("The Kafka source options " + (commit ? COMMIT_TO_KAFKA + "=true" : STARTING_OFFSETS
          + "=committed") + " need a consumer group: add " + ConsumerConfig.GROUP_ID_CONFIG + " to its properties");
    }
    Map<String, Object> consumer = new LinkedHashMap<>();
    properties.forEach((key, value) -> {
      if (!OWN_KEYS.contains(key)) {
        consumer.put(key, value);
      }
    });
    if ("true".equals(properties.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG))) {
      LOG.warn("The Kafka source ignores {}=true: offsets live in the checkpoint, and an automatic commit could record"
          + " offsets whose batch never ran; use {}=true to commit each batch's offsets after its outputs succeeded",
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, COMMIT_TO_KAFKA);
    }
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // every read seeks to a recorded offset: a missing one must be an error, never a silent jump
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    return new KafkaSourceOptions(starting, onOutOfRange, maxRate, backpressure, commit, Map.copyOf(consumer));
  }

  /** The consumer properties an admin client understands (bootstrap servers, security), for partition discovery. */
  public Map<String, Object> adminProperties() {
    Map<String, Object> admin = new LinkedHashMap<>(consumerProperties);
    admin.keySet().retainAll(AdminClientConfig.configNames());
    return admin;
  }

  private static long nonNegative(String key, String value) {
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("The Kafka source option " + key + " must be a whole number of records per"
        + " second, at least 0 (0: no limit), got \"" + value + "\"");
  }

  private static boolean flag(String key, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("The Kafka source option " + key + " must be true or false, got \"" + value
          + "\"");
    }
    return Boolean.parseBoolean(value);
  }
}
