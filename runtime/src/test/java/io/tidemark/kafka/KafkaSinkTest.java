package io.tidemark.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.function.KV;
import io.tidemark.source.KafkaSubscription;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingException;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transactional Kafka sink against a real broker: what a read_committed consumer sees after failures. */
class KafkaSinkTest extends WithKafkaBroker {

  @TempDir
  Path tmp;

  private long now;

  /**
   * A run copying topic {@code in} to {@code out} through the Kafka sink (output id {@code out}), then
   * a second output that throws at batch {@code failAt}: after the sink committed that batch, before
   * the checkpoint records it completed — as a crash there would.
   */
  private void stint(Path ckpt, String in, String out, int batches, long failAt) throws InterruptedException {
    ManualClock clock = new ManualClock(now);
    StreamingContext context = StreamingContext.getOrCreate(ckpt.toString(), () -> {
      StreamingContext c = StreamingContext.builder(Duration.ofSeconds(1)).name("copy").clock(clock).parallelism(2)
          .build();
      var lines = c.kafkaStream(KafkaSubscription.topics(in), Map.of("bootstrap.servers", kafka.bootstrap(),
          "startingOffsets", "earliest")).uid("in");
      lines.writeToKafka(out, Map.of("bootstrap.servers", kafka.bootstrap()), new StringSerializer(),
          new StringSerializer(), line -> KV.of(null, line)).uid("out");
      lines.foreachBatch((time, batch) -> {
        if (time.milliseconds() == failAt) {
          throw new IllegalStateException("crash after the Kafka sink committed batch " + time);
        }
      });
      return c;
    });
    try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
      harness.runBatches(batches);
    } finally {
      now = clock.nowMillis();
    }
  }

  private static List<String> lines(int from, int until) {
    return IntStream.range(from, until).mapToObj(i -> "line" + i).toList();
  }

  private static List<String> committedValues(String topic) {
    return kafka.readCommitted(topic).stream().map(ConsumerRecord::value).toList();
  }

  @Test
  void aBatchCommittedBeforeACrashIsNotWrittenAgainByTheRecovery() throws Exception {
    kafka.createTopic("copy-in", 1);
    kafka.createTopic("copy-out", 1);
    Path ckpt = tmp.resolve("ckpt");
    kafka.send("copy-in", 0, lines(0, 5));
    stint(ckpt, "copy-in", "copy-out", 1, 0);
    kafka.send("copy-in", 0, lines(5, 8));
    assertThatThrownBy(() -> stint(ckpt, "copy-in", "copy-out", 1, 2000)).isInstanceOf(StreamingException.class);
    assertThat(committedValues("copy-out")).as("batch 2000 is committed, though the checkpoint has it pending")
        .containsExactlyElementsOf(lines(0, 8));

    kafka.send("copy-in", 0, lines(8, 10));
    stint(ckpt, "copy-in", "copy-out", 1, 0);
    assertThat(committedValues("copy-out")).as("the recovery reran batch 2000 without writing it again")
        .containsExactlyElementsOf(lines(0, 10));
  }

  @Test
  void aPredecessorsOpenTransactionIsAbortedAndThePredecessorFencedOff() throws Exception {
    kafka.createTopic("zombie-in", 1);
    kafka.createTopic("zombie-out", 1);
    kafka.send("zombie-in", 0, lines(0, 3));
    try (KafkaProducer<String, String> zombie = kafka.producer(Map.of("transactional.id", "copy.out"))) {
      zombie.initTransactions();
      zombie.beginTransaction();
      zombie.send(new ProducerRecord<>("zombie-out", "written by a killed instance, never committed")).get();
      zombie.flush();

      stint(tmp.resolve("ckpt"), "zombie-in", "zombie-out", 1, 0);

      assertThat(committedValues("zombie-out")).containsExactlyElementsOf(lines(0, 3));
      assertThatThrownBy(zombie::commitTransaction).isInstanceOf(KafkaException.class);
    }
  }
}
