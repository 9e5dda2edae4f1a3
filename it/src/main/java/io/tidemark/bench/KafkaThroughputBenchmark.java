package io.tidemark.bench;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.KV;
import io.tidemark.function.StreamingListener;
import io.tidemark.kafka.KafkaTestBroker;
import io.tidemark.source.KafkaSubscription;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Throughput of word count read from Kafka, from a single-node KRaft broker started in this JVM: the
 * peers' lines ({@link ThroughputBenchmark#generate}) spread over 8 partitions, read with {@code
 * maxRatePerPartition} sizing batches, counts written either to a Kafka topic with the exactly-once sink
 * or to a sink that discards them. Backlogged on a manual clock, so batches run back to back and the
 * time is the pipeline's (and the broker's, which shares the machine). Prints, never asserts.
 *
 * <p>Arguments: {@code [lines=400000] [rounds=3] [parallelism=cores]}. Run with {@code -Pbench
 * -Dlaunch.main=io.tidemark.bench.KafkaThroughputBenchmark}.
 */
public final class KafkaThroughputBenchmark {

  private static final int PARTITIONS = 8;
  private static final int BATCHES = 10;
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    try (KafkaTestBroker kafka = KafkaTestBroker.start()) {
      kafka.createTopic("bench-lines", PARTITIONS);
      long loadStart = System.nanoTime();
      try (KafkaProducer<String, String> producer = kafka.producer(Map.of("linger.ms", "20", "batch.size", "262144"))) {
        int i = 0;
        for (List<String> batch : ThroughputBenchmark.generate(BATCHES, lines / BATCHES)) {
          for (String line : batch) {
            producer.send(new ProducerRecord<>("bench-lines", i++ % PARTITIONS, null, line));
          }
        }
      }
      System.out.printf("loaded %d lines into %d partitions in %.1f s%n", lines, PARTITIONS,
          (System.nanoTime() - loadStart) / 1e9);
      for (String sink : List.of("discard", "kafka-exactly-once")) {
        run(kafka, sink, lines, parallelism, "warmup");
        double best = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
          double seconds = run(kafka, sink, lines, parallelism, "r" + round);
          best = Math.min(best, seconds);
          System.out.printf("kafka sink=%s round=%d lines=%d seconds=%.3f records_per_s=%.0f%n", sink, round, lines,
              seconds, lines / seconds);
        }
        System.out.printf("kafka sink=%s lines=%d words=%d partitions=%d parallelism=%d best_seconds=%.3f"
            + " records_per_s=%.0f words_per_s=%.0f (best of %d)%n", sink, lines, lines * 10L, PARTITIONS, parallelism,
            best, lines / best, lines * 10L / best, rounds);
      }
    }
  }

  /** One round on a fresh source (and output topic): seconds until every line was processed. */
  private static double run(KafkaTestBroker kafka, String sink, int lines, int parallelism, String round)
      throws Exception {
    ManualClock clock = new ManualClock(0);
    StreamingContext context = StreamingContext.builder(INTERVAL).name("bench-" + sink + "-" + round).clock(clock)
        .parallelism(parallelism).build();
    PairDStream<String, Long> counts = context.kafkaStream(KafkaSubscription.topics("bench-lines"), Map.of(
            "bootstrap.servers", kafka.bootstrap(), "startingOffsets", "earliest",
            "maxRatePerPartition", Integer.toString(lines / BATCHES / PARTITIONS), "max.poll.records", "5000"))
        .uid("lines")
        .flatMap(line -> Arrays.asList(line.split(" ")))
        .mapToPair(word -> KV.of(word, 1L))
        .reduceByKey(Long::sum);
    if (sink.equals("discard")) {
      counts.foreachBatch((time, batch) -> { });
    } else {
      String topic = "bench-counts-" + round;
      kafka.createTopic(topic, PARTITIONS);
      counts.writeToKafka(topic, Map.of("bootstrap.servers", kafka.bootstrap()), new StringSerializer(),
          new StringSerializer(), kv -> KV.of(kv.key(), Long.toString(kv.value()))).uid("counts");
    }
    AtomicLong processed = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        if (processed.addAndGet(info.recordsIn()) >= lines) {
          done.countDown();
        }
      }
    });
    long start = System.nanoTime();
    context.start();
    clock.advance(INTERVAL.multipliedBy(BATCHES));
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    context.stop(false);
    return seconds;
  }
}
