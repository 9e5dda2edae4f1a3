package io.tidemark.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.function.KV;
import io.tidemark.internal.source.KafkaOffsetOutOfRangeException;
import io.tidemark.schema.Serializer;
import io.tidemark.schema.Serializers;
import io.tidemark.source.KafkaSubscription;
import io.tidemark.stream.DStream;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingException;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct Kafka source against a real broker, batch by batch on a manual clock: each batch's records
 * are collected as {@code "<partition>:<value>"}, keyed by batch time, so every assertion is exact.
 */
class KafkaSourceTest extends WithKafkaBroker {

  @TempDir
  Path tmp;

  /** Batches' records by batch time, over every stint of a test. */
  private final Map<Long, List<String>> batches = new ConcurrentHashMap<>();
  private long now;

  private Map<String, String> properties(String... options) {
    Map<String, String> properties = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrap(),
        "startingOffsets", "earliest"));
    for (int i = 0; i < options.length; i += 2) {
      properties.put(options[i], options[i + 1]);
    }
    return properties;
  }

  /**
   * One run of a pipeline reading {@code topics} on the checkpoint {@code ckpt}: {@code batches} batches,
   * then a stop (the process's end). {@code failAt}: the batch time whose output throws, after its
   * metadata checkpoint recorded it as pending (a crash in the output), or 0.
   */
  private void stint(Path ckpt, Map<String, String> properties, int batchCount, long failAt, String... topics)
      throws InterruptedException {
    stint(ckpt, properties, batchCount, in -> in.foreachBatch((time, batch) -> {
      if (time.milliseconds() == failAt) {
        throw new IllegalStateException("output failed for batch " + time);
      }
      batches.put(time.milliseconds(), List.copyOf(batch));
    }), topics);
  }

  /** One run of a pipeline whose outputs {@code outputs} adds to the source's {@code "<partition>:<value>"} stream. */
  private void stint(Path ckpt, Map<String, String> properties, int batchCount, Consumer<DStream<String>> outputs,
      String... topics) throws InterruptedException {
    ManualClock clock = new ManualClock(now);
    StreamingContext context = StreamingContext.getOrCreate(ckpt.toString(), () -> {
      StreamingContext c = pipeline(clock);
      outputs.accept(c.kafkaStream(KafkaSubscription.topics(topics), properties, new StringDeserializer(),
              new StringDeserializer(), (ConsumerRecord<String, String> r) -> r.partition() + ":" + r.value())
          .uid("in"));
      return c;
    });
    try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
      harness.runBatches(batchCount);
    } finally {
      now = clock.nowMillis();
    }
  }

  /**
   * A context on {@code clock} checkpointing at every batch: a restart then recomputes no completed batch,
   * so what it reads first is the pending batches and the next plan, and every verdict is deterministic.
   */
  private static StreamingContext pipeline(ManualClock clock) {
    return StreamingContext.builder(Duration.ofSeconds(1)).clock(clock).parallelism(2)
        .checkpointInterval(Duration.ofSeconds(1)).build();
  }

  private static List<String> values(int partition, String prefix, int from, int until) {
    return IntStream.range(from, until).mapToObj(i -> partition + ":" + prefix + i).toList();
  }

  private static List<String> plain(String prefix, int from, int until) {
    return IntStream.range(from, until).mapToObj(i -> prefix + i).toList();
  }

  /** The records of each batch, in batch order, sorted within the batch (tasks interleave partitions). */
  private List<List<String>> batchesInOrder() {
    List<List<String>> ordered = new ArrayList<>();
    new TreeMap<>(batches).values().forEach(b -> ordered.add(b.stream().sorted().toList()));
    return ordered;
  }

  private static List<String> sorted(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.stream().sorted().toList();
  }

  @Test
  void aBatchPendingAtACrashIsReplayedWithExactlyItsRangesAndDataThatArrivedMeanwhileFollows() throws Exception {
    kafka.createTopic("replay", 2);
    Path ckpt = tmp.resolve("ckpt");
    kafka.send("replay", 0, plain("a", 0, 10));
    kafka.send("replay", 1, plain("b", 0, 6));
    stint(ckpt, properties(), 1, 0, "replay");
    assertThat(batchesInOrder()).containsExactly(sorted(values(0, "a", 0, 10), values(1, "b", 0, 6)));
    assertThat(Files.readString(newestMetadata(ckpt))).contains("\"type\" : \"kafkaOffsets\"")
        .containsPattern("\"replay\" : \\{\\s*\"0\" : 10,\\s*\"1\" : 6");

    kafka.send("replay", 0, plain("a", 10, 15));
    assertThatThrownBy(() -> stint(ckpt, properties(), 1, 2000, "replay")).isInstanceOf(StreamingException.class);
    assertThat(Files.readString(newestMetadata(ckpt))).as("batch 2000 recorded as pending with its range")
        .containsPattern("\"topic\" : \"replay\",\\s*\"partition\" : 0,\\s*\"from\" : 10,\\s*\"until\" : 15");

    kafka.send("replay", 0, plain("a", 15, 18)); // while the pipeline is down
    kafka.send("replay", 1, plain("b", 6, 8));
    now += 5000;
    stint(ckpt, properties(), 1, 0, "replay");
    assertThat(batches.get(2000L)).as("the pending batch, exactly its recorded range")
        .containsExactlyElementsOf(values(0, "a", 10, 15));
    assertThat(batches.get(8000L)).as("the first new batch takes what arrived while down")
        .containsExactlyInAnyOrderElementsOf(sorted(values(0, "a", 15, 18), values(1, "b", 6, 8)));
    assertThat(batches).hasSize(3);
  }

  @Test
  void maxRatePerPartitionCapsEveryBatch() throws Exception {
    kafka.createTopic("rate", 2);
    kafka.send("rate", 0, plain("a", 0, 25));
    kafka.send("rate", 1, plain("b", 0, 12));
    stint(tmp.resolve("ckpt"), properties("maxRatePerPartition", "10"), 4, 0, "rate");
    assertThat(batchesInOrder()).containsExactly(
        sorted(values(0, "a", 0, 10), values(1, "b", 0, 10)),
        sorted(values(0, "a", 10, 20), values(1, "b", 10, 12)),
        values(0, "a", 20, 25),
        List.of());
  }

  @Test
  void offsetsRemovedWhileDownFailByDefaultNamingThePartitionAndTheFix() throws Exception {
    kafka.createTopic("retained", 1);
    Path ckpt = tmp.resolve("ckpt");
    kafka.send("retained", 0, plain("r", 0, 10));
    stint(ckpt, properties(), 1, 0, "retained");
    kafka.send("retained", 0, plain("r", 10, 20));
    kafka.deleteRecordsBefore(new TopicPartition("retained", 0), 15);

    assertThatThrownBy(() -> stint(ckpt, properties(), 1, 0, "retained"))
        .isInstanceOf(StreamingException.class)
        .cause().isInstanceOf(KafkaOffsetOutOfRangeException.class)
        .hasMessageContaining("retained-0 from offset 10")
        .hasMessageContaining("the earliest available is 15")
        .hasMessageContaining("removed 5 records")
        .hasMessageContaining("set onOutOfRange=earliest");

    stint(ckpt, properties("onOutOfRange", "earliest"), 1, 0, "retained");
    assertThat(batchesInOrder()).containsExactly(values(0, "r", 0, 10), values(0, "r", 15, 20));
  }

  @Test
  void aPartitionAddedWhileRunningIsReadFromItsEarliestOffset() throws Exception {
    kafka.createTopic("growing", 1);
    Path ckpt = tmp.resolve("ckpt");
    kafka.send("growing", 0, plain("a", 0, 3));
    ManualClock clock = new ManualClock(0);
    try (StreamingTestHarness harness = harness(clock, ckpt, properties(), "growing")) {
      harness.runBatches(1);
      kafka.addPartitions("growing", 2);
      kafka.send("growing", 1, plain("b", 0, 4));
      kafka.send("growing", 0, plain("a", 3, 5));
      harness.runBatches(1);
    }
    assertThat(batchesInOrder()).containsExactly(values(0, "a", 0, 3),
        sorted(values(0, "a", 3, 5), values(1, "b", 0, 4)));
  }

  /** Version 1 of the word totals' state. */
  record TotalV1(long total) {}

  /** Version 2: maxPerBatch added, with a default for the states version 1 wrote. */
  record TotalV2(long total, long maxPerBatch) {}

  static final Serializer<TotalV1> TOTAL_V1 = Serializers.record(TotalV1.class)
      .field("total", Serializers.longs(), TotalV1::total)
      .build(v -> new TotalV1(v.get(0)));

  static final Serializer<TotalV2> TOTAL_V2 = Serializers.record(TotalV2.class)
      .field("total", Serializers.longs(), TotalV2::total)
      .field("maxPerBatch", Serializers.longs(), TotalV2::maxPerBatch).withDefault(0L)
      .build(v -> new TotalV2(v.get(0), v.get(1)));

  /** The word totals' states by batch time, each batch's sorted. */
  private final Map<Long, List<String>> totals = new ConcurrentHashMap<>();

  /**
   * The records of each batch into {@link #batches}, and the totals of their words (a value's first letter)
   * into {@link #totals}, kept in the state {@code totals} of type {@code S}.
   */
  private <S> Consumer<DStream<String>> wordTotals(Serializer<S> states,
      BiFunction<List<Long>, Optional<S>, S> update) {
    return in -> {
      in.foreachBatch((time, batch) -> batches.put(time.milliseconds(), List.copyOf(batch)));
      in.map(record -> record.substring(record.indexOf(':') + 1, record.indexOf(':') + 2))
          .mapToPair(word -> KV.of(word, 1L))
          .updateStateByKey("totals", Serializers.strings(), states, update)
          .foreachBatch((time, batch) -> totals.put(time.milliseconds(),
              batch.stream().map(String::valueOf).sorted().toList()));
    };
  }

  @Test
  void anUpgradeWithACompatibleStateChangeAndATopicMoreContinuesTheOffsetsAndTheState() throws Exception {
    kafka.createTopic("upgraded", 2);
    kafka.createTopic("added", 1);
    Path ckpt = tmp.resolve("ckpt");
    kafka.send("upgraded", 0, plain("a", 0, 6));
    kafka.send("upgraded", 1, plain("b", 0, 2));
    kafka.send("added", 0, plain("n", 0, 3)); // before the upgrade: not read, the new topic starts at latest
    stint(ckpt, properties("maxRatePerPartition", "2"), 2,
        wordTotals(TOTAL_V1, (values, state) -> new TotalV1(state.map(TotalV1::total).orElse(0L) + values.size())),
        "upgraded");

    kafka.send("upgraded", 0, plain("a", 6, 7)); // while down
    Consumer<DStream<String>> v2 = wordTotals(TOTAL_V2, (values, state) -> {
      TotalV2 previous = state.orElse(new TotalV2(0, 0));
      return new TotalV2(previous.total() + values.size(), Math.max(previous.maxPerBatch(), values.size()));
    });
    stint(ckpt, properties("startingOffsets", "latest"), 1, v2, "upgraded", "added");
    kafka.send("upgraded", 0, plain("a", 7, 8));
    kafka.send("added", 0, plain("n", 3, 5));
    stint(ckpt, properties("startingOffsets", "latest"), 1, v2, "upgraded", "added");

    assertThat(batchesInOrder()).as("every record of the original topic once, in offset order").containsExactly(
        sorted(values(0, "a", 0, 2), values(1, "b", 0, 2)),
        values(0, "a", 2, 4),
        values(0, "a", 4, 7), // a4 and a5, left by version 1's rate limit, then what arrived while down
        sorted(values(0, "a", 7, 8), values(0, "n", 3, 5)));
    assertThat(new TreeMap<>(totals)).containsExactly(
        Map.entry(1000L, List.of("(a,TotalV1[total=2])", "(b,TotalV1[total=2])")),
        Map.entry(2000L, List.of("(a,TotalV1[total=4])", "(b,TotalV1[total=2])")),
        // version 1's totals carried over, maxPerBatch at its default until a batch raises it
        Map.entry(3000L, List.of("(a,TotalV2[total=7, maxPerBatch=3])", "(b,TotalV2[total=2, maxPerBatch=0])")),
        Map.entry(4000L, List.of("(a,TotalV2[total=8, maxPerBatch=3])", "(b,TotalV2[total=2, maxPerBatch=0])",
            "(n,TotalV2[total=2, maxPerBatch=2])")));
  }

  @Test
  void latestWithoutACheckpointSkipsTheRecordsWrittenBeforeTheStart() throws Exception {
    kafka.createTopic("late", 2);
    Path ckpt = tmp.resolve("ckpt");
    kafka.send("late", 0, plain("old", 0, 5));
    kafka.send("late", 1, plain("old", 0, 2));
    stint(ckpt, properties("startingOffsets", "latest"), 1, 0, "late");
    kafka.send("late", 0, plain("new", 0, 3));
    stint(ckpt, properties("startingOffsets", "latest"), 1, 0, "late");
    assertThat(batchesInOrder()).containsExactly(List.of(), values(0, "new", 0, 3));
  }

  @Test
  void committedWithoutACheckpointStartsAtTheGroupsOffsetsAndEarliestWhereItHasNone() throws Exception {
    kafka.createTopic("grouped", 2);
    kafka.send("grouped", 0, plain("a", 0, 6));
    kafka.send("grouped", 1, plain("b", 0, 2));
    kafka.admin().alterConsumerGroupOffsets("grouped-group",
        Map.of(new TopicPartition("grouped", 0), new OffsetAndMetadata(4))).all().get();
    stint(tmp.resolve("ckpt"), properties("startingOffsets", "committed", "group.id", "grouped-group"), 1, 0,
        "grouped");
    assertThat(batchesInOrder()).containsExactly(sorted(values(0, "a", 4, 6), values(1, "b", 0, 2)));
  }

  @Test
  void aTimestampWithoutACheckpointStartsAtTheFirstRecordAtOrAfterIt() throws Exception {
    kafka.createTopic("timed", 2);
    Instant start = Instant.parse("2024-05-01T00:00:00Z");
    try (KafkaProducer<String, String> producer = kafka.producer(Map.of())) {
      for (int i = 0; i < 6; i++) { // t3 is exactly at the start
        producer.send(new ProducerRecord<>("timed", 0, start.toEpochMilli() + (i - 3) * 1000L, null, "t" + i));
      }
      producer.send(new ProducerRecord<>("timed", 1, start.toEpochMilli() - 1, null, "before"));
    }
    stint(tmp.resolve("ckpt"), properties("startingOffsets", start.toString()), 1, 0, "timed");
    assertThat(batchesInOrder()).as("partition 1 has nothing at or after the start: it starts at its end")
        .containsExactly(values(0, "t", 3, 6));
  }

  private StreamingTestHarness harness(ManualClock clock, Path ckpt, Map<String, String> properties, String topic) {
    StreamingContext context = StreamingContext.getOrCreate(ckpt.toString(), () -> {
      StreamingContext c = pipeline(clock);
      c.kafkaStream(KafkaSubscription.topics(topic), properties, new StringDeserializer(), new StringDeserializer(),
              (ConsumerRecord<String, String> r) -> r.partition() + ":" + r.value())
          .uid("in")
          .foreachBatch((time, batch) -> batches.put(time.milliseconds(), List.copyOf(batch)));
      return c;
    });
    return new StreamingTestHarness(context, clock);
  }

  @Test
  void offsetsAreCommittedToKafkaOnlyAfterTheBatchsOutput() throws Exception {
    kafka.createTopic("committing", 1);
    kafka.send("committing", 0, plain("c", 0, 4));
    TopicPartition tp = new TopicPartition("committing", 0);
    Map<Long, Map<TopicPartition, Long>> committedDuringOutput = new ConcurrentHashMap<>();
    ManualClock clock = new ManualClock(0);
    StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).clock(clock).parallelism(1).build();
    context.kafkaStream(KafkaSubscription.topics("committing"), properties("group.id", "committing-group",
            "commitToKafka", "true", "enable.auto.commit", "true"))
        .uid("in")
        .foreachBatch((time, batch) -> committedDuringOutput.put(time.milliseconds(),
            kafka.committedOffsets("committing-group")));
    try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
      harness.runBatches(1);
      awaitCommitted("committing-group", Map.of(tp, 4L));
      kafka.send("committing", 0, plain("c", 4, 7));
      harness.runBatches(1);
      awaitCommitted("committing-group", Map.of(tp, 7L));
    }
    assertThat(committedDuringOutput.get(1000L)).as("nothing committed while batch 1's output ran").isEmpty();
    assertThat(committedDuringOutput.get(2000L)).as("batch 1's end, not batch 2's").isEqualTo(Map.of(tp, 4L));
  }

  private static void awaitCommitted(String group, Map<TopicPartition, Long> expected) throws Exception {
    for (int attempt = 0; attempt < 300 && !kafka.committedOffsets(group).equals(expected); attempt++) {
      Thread.sleep(100);
    }
    assertThat(kafka.committedOffsets(group)).isEqualTo(expected);
  }

  private static Path newestMetadata(Path ckpt) throws Exception {
    try (var files = Files.list(ckpt.resolve("metadata"))) {
      return files.filter(f -> f.getFileName().toString().matches("batch-\\d+\\.json"))
          .max((a, b) -> Long.compare(time(a), time(b))).orElseThrow();
    }
  }

  private static long time(Path metadata) {
    String name = metadata.getFileName().toString();
    return Long.parseLong(name.substring("batch-".length(), name.length() - ".json".length()));
  }
}
