package io.tidemark.kafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class with a broker of its own, started once for all its tests (test classes run one at a time). */
abstract class WithKafkaBroker {

  static KafkaTestBroker kafka;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = KafkaTestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }
}
