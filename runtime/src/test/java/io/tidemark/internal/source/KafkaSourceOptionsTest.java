package io.tidemark.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kafka source's options: defaults, what reaches the consumer, and errors that name the key and the choices. */
class KafkaSourceOptionsTest {

  private static Map<String, String> with(String... entries) {
    Map<String, String> properties = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092"));
    for (int i = 0; i < entries.length; i += 2) {
      properties.put(entries[i], entries[i + 1]);
    }
    return properties;
  }

  @Test
  void defaultsAndConsumerProperties() {
    KafkaSourceOptions options = KafkaSourceOptions.parse(with("enable.auto.commit", "true", "max.poll.records", "7"));
    assertThat(options.startingOffsets()).isEqualTo(StartingOffsets.LATEST);
    assertThat(options.onOutOfRange()).isEqualTo(OutOfRangePolicy.FAIL);
    assertThat(options.maxRatePerPartition()).isZero();
    assertThat(options.backpressure()).isFalse();
    assertThat(options.commitToKafka()).isFalse();
    assertThat(options.consumerProperties()).containsEntry("enable.auto.commit", "false")
        .containsEntry("auto.offset.reset", "none").containsEntry("max.poll.records", "7");
    assertThat(options.adminProperties()).isEqualTo(Map.of("bootstrap.servers", "localhost:9092"));
  }

  @Test
  void startingOffsetsTakeATimestampAsMillisOrInstant() {
    assertThat(KafkaSourceOptions.parse(with("startingOffsets", "1714521600000")).startingOffsets())
        .isEqualTo(StartingOffsets.timestamp(Instant.parse("2024-05-01T00:00:00Z")));
    assertThat(KafkaSourceOptions.parse(with("startingOffsets", "2024-05-01T00:00:00Z")).startingOffsets())
        .isEqualTo(StartingOffsets.timestamp(Instant.parse("2024-05-01T00:00:00Z")));
    assertThat(KafkaSourceOptions.parse(with("startingOffsets", "earliest", "onOutOfRange", "earliest",
        "maxRatePerPartition", "500", "backpressure", "true")).consumerProperties())
        .doesNotContainKeys("startingOffsets", "onOutOfRange", "maxRatePerPartition", "backpressure");
  }

  @Test
  void badValuesNameTheKeyAndTheAllowedValues() {
    assertThatThrownBy(() -> KafkaSourceOptions.parse(with("onOutOfRange", "maybe")))
        .hasMessage("The Kafka source option onOutOfRange must be fail or earliest, got \"maybe\"");
    assertThatThrownBy(() -> KafkaSourceOptions.parse(with("maxRatePerPartition", "-5")))
        .hasMessage("The Kafka source option maxRatePerPartition must be a whole number of records per second, at"
            + " least 0 (0: no limit), got \"-5\"");
    assertThatThrownBy(() -> KafkaSourceOptions.parse(with("startingOffsets", "newest")))
        .hasMessageStartingWith("The Kafka source option startingOffsets must be earliest, latest, committed,");
    assertThatThrownBy(() -> KafkaSourceOptions.parse(with("backpressure", "yes")))
        .hasMessage("The Kafka source option backpressure must be true or false, got \"yes\"");
    assertThatThrownBy(() -> KafkaSourceOptions.parse(with("commitToKafka", "true")))
        .hasMessageContaining("commitToKafka=true need a consumer group: add group.id");
    assertThatThrownBy(() -> KafkaSourceOptions.parse(Map.of()))
        .hasMessage("The Kafka source needs bootstrap.servers among its properties");
  }
}
