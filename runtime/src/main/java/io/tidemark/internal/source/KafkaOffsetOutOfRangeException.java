package io.tidemark.internal.source;

/**
 * A Kafka source cannot read the offsets its checkpoint or plan requires, and its {@code onOutOfRange}
 * policy is {@code fail}: the message names the topic-partition, the offset, what the log holds and the fix.
 */
public final class KafkaOffsetOutOfRangeException extends IllegalStateException {

  KafkaOffsetOutOfRangeException(String message) {
    super(message);
  }
}
