package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.kafka.KafkaTestBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly-once end to end through crashes: {@link KafkaWordCountJob} in child JVMs SIGKILLed at seeded
 * random moments, {@value #CRASHES} times, while a producer keeps writing lines; then a last child runs
 * until it has caught up and stops gracefully. What a read_committed consumer sees must equal the
 * uncrashed result exactly: per word, the per-batch counts add up to the number of times the word was
 * written (a batch written twice or lost would show), and the last running total equals it too (state
 * and offsets recovered together).
 */
class KafkaCrashDrillTest {

  private static final int CRASHES = 20;
  private static final long SEED = 20_240_501L;
  private static final Path WORK = Path.of("target", "drills", "kafka");

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void wordCountFromKafkaToKafkaIsExactlyOnceThroughRepeatedSigkills() throws Exception {
    Random random = new Random(SEED);
    try (KafkaTestBroker kafka = KafkaTestBroker.start();
        CrashDrill drill = new CrashDrill(WORK, KafkaWordCountJob.class,
            List.of(kafka.bootstrap(), WORK.resolve("checkpoint").toString()))) {
      kafka.createTopic("words", 4);
      kafka.createTopic("counts", 2);
      kafka.createTopic("totals", 2);
      Map<String, Long> written = new HashMap<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread writer = new Thread(() -> writeLines(kafka, new Random(random.nextLong()), written, writing), "drill-writer");
      writer.start();
      try {
        drill.start();
        drill.await("a first committed batch", () -> !kafka.readCommitted("counts").isEmpty());
        for (int crash = 0; crash < CRASHES; crash++) {
          // anywhere from JVM start-up through the recovery to new batches, their transactions and checkpoints
          Thread.sleep(500 + random.nextInt(3000));
          drill.kill();
          drill.start();
        }
      } finally {
        writing.set(false);
        writer.join();
      }
      drill.await("every written word counted", () -> lastValues(kafka.readCommitted("totals")).equals(written));
      drill.stopGracefully();
      assertThat(written.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(10_000);
      assertThat(sums(kafka.readCommitted("counts"))).as("per-batch counts summed per word").isEqualTo(written);
      assertThat(lastValues(kafka.readCommitted("totals"))).as("last running total per word").isEqualTo(written);
    }
  }

  /** Lines of 5 words out of 40, 40 lines every 50 ms, round-robin over the partitions; counts what was acknowledged. */
  private static void writeLines(KafkaTestBroker kafka, Random random, Map<String, Long> written, AtomicBoolean writing) {
    try (KafkaProducer<String, String> producer = kafka.producer(Map.of("enable.idempotence", "true"))) {
      int line = 0;
      while (writing.get()) {
        List<String> chunk = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          StringBuilder text = new StringBuilder();
          for (int w = 0; w < 5; w++) {
            text.append(w == 0 ? "" : " ").append("w").append(random.nextInt(40));
          }
          chunk.add(text.toString());
        }
        for (String text : chunk) {
          producer.send(new ProducerRecord<>("words", line++ % 4, null, text));
        }
        producer.flush();
        synchronized (written) {
          chunk.forEach(text -> {
            for (String word : text.split(" ")) {
              written.merge(word, 1L, Long::sum);
            }
          });
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Long> sums(List<ConsumerRecord<String, String>> records) {
    Map<String, Long> sums = new HashMap<>();
    records.forEach(r -> sums.merge(r.key(), Long.parseLong(r.value()), Long::sum));
    return sums;
  }

  /** The last value of each key: records of one key are in one partition, in the order they were committed. */
  private static Map<String, Long> lastValues(List<ConsumerRecord<String, String>> records) {
    Map<String, Long> last = new HashMap<>();
    records.forEach(r -> last.put(r.key(), Long.parseLong(r.value())));
    return last;
  }
}
