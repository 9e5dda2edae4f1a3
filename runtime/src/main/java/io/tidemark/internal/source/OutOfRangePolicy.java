package io.tidemark.internal.source;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Kafka source does when the offset it must read from is no longer in the log: retention or
 * {@code deleteRecords} removed it while the pipeline was down or behind, or the topic was deleted.
 */
public enum OutOfRangePolicy {
  /** Stop with an error naming the partition, the offset needed, the earliest available, and the fix. */
  FAIL,
  /** Go on from the earliest available offset, with a warning naming how many records were skipped. */
  EARLIEST;

  private static final Logger LOG = LoggerFactory.getLogger(OutOfRangePolicy.class);

  static OutOfRangePolicy parse(String key, String value) {
    return switch (value) {
      case "fail" -> FAIL;
      case "earliest" -> EARLIEST;
      default -> throw new IllegalArgumentException("The Kafka source option " + key + " must be fail or earliest,"
          + " got \"" + value + "\"");
    };
  }

  /**
   * The offset to read {@code partition} from when {@code needed} was planned or checkpointed and the
   * log now holds {@code [earliest, latest)}: {@code needed} itself when it is in range.
   *
   * @throws KafkaOffsetOutOfRangeException under {@link #FAIL} when it is not
   */
  long resolve(String sourceId, TopicPartition partition, long needed, long earliest, long latest) {
    if (needed >= earliest && needed <= latest) {
      return needed;
    }
    String what = needed < earliest
        ? "the earliest available is " + earliest + ": retention or deleteRecords removed " + (earliest - needed)
            + " records before the pipeline read them"
        : "the log ends at " + latest + ": the topic was deleted and recreated, or its log truncated";
    if (this == FAIL) {
      throw new KafkaOffsetOutOfRangeException("Kafka source '" + sourceId + "' must read " + partition + " from offset "
          + needed + ", but " + what + ". Nothing was read from it. To go on from the earliest available offset and skip"
          + " the missing records, set " + KafkaSourceOptions.ON_OUT_OF_RANGE + "=earliest; to keep them, restore the"
          + " records to the topic");
    }
    LOG.warn("Kafka source '{}' must read {} from offset {}, but {}; going on from offset {} ({}=earliest): {} records"
        + " skipped", sourceId, partition, needed, what, earliest, KafkaSourceOptions.ON_OUT_OF_RANGE,
        Math.max(0, earliest - needed));
    return earliest;
  }

  /**
   * The checkpoint has a position in {@code partition} but the partition no longer exists (its topic
   * was deleted): {@link #FAIL} throws, {@link #EARLIEST} drops it with a warning.
   */
  void partitionGone(String sourceId, TopicPartition partition, long needed) {
    String what = "Kafka source '" + sourceId + "' must read " + partition + " from offset " + needed
        + ", but the partition no longer exists (was its topic deleted?)";
    if (this == FAIL) {
      throw new KafkaOffsetOutOfRangeException(what + ". To drop its position and go on with the other partitions,"
          + " set " + KafkaSourceOptions.ON_OUT_OF_RANGE + "=earliest; or recreate the topic");
    }
    LOG.warn("{}; dropping its position ({}=earliest): should it come back, it is read from its earliest offset", what,
        KafkaSourceOptions.ON_OUT_OF_RANGE);
  }
}
