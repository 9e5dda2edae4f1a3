package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.kafka.KafkaTestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once end to end through crashes: {@link KafkaWordCountJob} in a child JVM is SIGKILLed at
 * seeded random moments, {@value #CRASHES} times, while a producer keeps writing lines; then it runs until
 * it has caught up. What a read_committed consumer sees must equal the uncrashed result exactly: per word,
 * the per-batch counts add up to the number of times the word was written (a batch written twice or lost
 * would show), and the last running total equals it too (state and offsets recovered together).
 */
class KafkaCrashDrillTest {

  private static final int CRASHES = 20;
  private static final long SEED = 20240501L;

  @TempDir
  Path tmp;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void wordCountFromKafkaToKafkaIsExactlyOnceThroughRepeatedSigkills() throws Exception {
    Random random = new Random(SEED);
    Path ckpt = tmp.resolve("ckpt");
    Path log = Path.of("target", "kafka-crash-drill.log").toAbsolutePath();
    Files.deleteIfExists(log);
    try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
      kafka.createTopic("words", 4);
      kafka.createTopic("counts", 2);
      kafka.createTopic("totals", 2);
      Map<String, Long> written = new HashMap<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread writer = new Thread(() -> writeLines(kafka, new Random(random.nextLong()), written, writing), "drill-writer");
      writer.start();
      try {
        for (int crash = 0; crash < CRASHES; crash++) {
          try (ChildJvm job = ChildJvm.start(KafkaWordCountJob.class, log, "started", kafka.bootstrap(),
              ckpt.toString())) {
            assertThat(job.awaitReady(Duration.ofSeconds(60))).as("the job started; see %s", log).isTrue();
            // anywhere in the recovery's batches, the first new ones and their transactions and checkpoints
            Thread.sleep(random.nextInt(2500));
            assertThat(job.isAlive()).as("the job runs until killed; see %s", log).isTrue();
            job.kill();
          }
          Thread.sleep(KafkaWordCountJob.LOCK_LEASE.toMillis() + 200); // the dead owner's lock goes stale
        }
      } finally {
        writing.set(false);
        writer.join();
      }
      long expectedWords = written.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Long> counted;
      Map<String, Long> totals;
      try (ChildJvm job = ChildJvm.start(KafkaWordCountJob.class, log, "started", kafka.bootstrap(), ckpt.toString())) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        do {
          Thread.sleep(1000);
          counted = sums(kafka.readCommitted("counts"));
          totals = lastValues(kafka.readCommitted("totals"));
        } while ((counted.values().stream().mapToLong(Long::longValue).sum() < expectedWords || !totals.equals(written))
            && System.nanoTime() < deadline && job.isAlive());
      }
      counted = sums(kafka.readCommitted("counts"));
      totals = lastValues(kafka.readCommitted("totals"));
      assertThat(expectedWords).isGreaterThan(10_000);
      assertThat(counted).as("per-batch counts summed per word; job log: %s", log).isEqualTo(written);
      assertThat(totals).as("last running total per word").isEqualTo(written);
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
