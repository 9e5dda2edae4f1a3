package io.tidemark.internal.status;

import static io.tidemark.internal.status.StatusTesting.freePort;
import static io.tidemark.internal.status.StatusTesting.get;
import static io.tidemark.internal.status.StatusTesting.json;
import static io.tidemark.internal.status.StatusTesting.samples;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.schema.Fingerprint;
import io.tidemark.schema.Serializers;
import io.tidemark.function.KV;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API and the metrics of a running, checkpointing word count on a manual clock: five batches,
 * the last three generated at once so that they queue up, every figure checked exactly.
 */
class StatusApiTest {

  private static final List<List<String>> LINES = List.of(List.of("a b", "a"), List.of("b c"), List.of("a"),
      List.of("c c c"), List.of());

  @TempDir
  Path dir;

  private StreamingTestHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private StreamingContext wordCount(ManualClock clock, int port) {
    return StreamingContext.getOrCreate(dir.toString(), () -> {
      StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).name("wordcount").clock(clock)
          .parallelism(2).checkpointInterval(Duration.ofSeconds(2)).uiPort(port).build();
      context.queueStream(new ConcurrentLinkedQueue<>(LINES), true).uid("lines")
          .flatMap(line -> List.of(line.split(" ")))
          .mapToPair(word -> KV.of(word, 1L))
          .updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
              (List<Long> ones, Optional<Long> total) -> total.orElse(0L) + ones.size())
          .foreachBatch((time, batch) -> { }).uid("out");
      return context;
    });
  }

  /** Runs two batches on time, then three generated at once: scheduling delays 0, 0, 2 s, 1 s, 0. */
  private URI runFiveBatches() throws InterruptedException {
    ManualClock clock = new ManualClock();
    harness = new StreamingTestHarness(wordCount(clock, freePort()), clock);
    harness.runBatches(2);
    clock.advance(Duration.ofSeconds(3));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (harness.completedBatches() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(harness.completedBatches()).isEqualTo(5);
    return harness.context().statusPageUrl().orElseThrow();
  }

  @Test
  void batchesAreListedWithTheirRecordsDelaysAndOutputs() throws Exception {
    URI page = runFiveBatches();
    assertThat(page.getHost()).isEqualTo("127.0.0.1");

    JsonNode batches = json(page, "/api/v1/batches");
    assertThat(batches.get("batchIntervalMs").asLong()).isEqualTo(1000);
    assertThat(batches.get("batchesCompleted").asLong()).isEqualTo(5);
    assertThat(batches.get("batchesFailed").asLong()).isZero();
    assertThat(batches.get("recordsIn").asLong()).isEqualTo(5);
    assertThat(batches.get("queuedBatches").asInt()).isZero();
    assertThat(values(batches.get("batches"), "batchTime")).containsExactly(1000L, 2000L, 3000L, 4000L, 5000L);
    assertThat(values(batches.get("batches"), "recordsIn")).containsExactly(2L, 1L, 1L, 1L, 0L);
    assertThat(values(batches.get("batches"), "schedulingDelayMs")).containsExactly(0L, 0L, 2000L, 1000L, 0L);
    assertThat(values(batches.get("batches"), "inputRate")).containsExactly(2L, 1L, 1L, 1L, 0L);
    List<Long> outputs = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    for (JsonNode batch : batches.get("batches")) {
      outputs.add(batch.get("outputRecords").get("out").asLong());
      keys.add(batch.get("stateKeys").get("totals").asLong());
      assertThat(batch.get("totalDelayMs").asDouble())
          .isEqualTo(batch.get("schedulingDelayMs").asDouble() + batch.get("processingTimeMs").asDouble(),
              org.assertj.core.data.Offset.offset(0.001));
    }
    assertThat(outputs).containsExactly(2L, 3L, 3L, 3L, 3L);
    assertThat(keys).containsExactly(2L, 3L, 3L, 3L, 3L);

    assertThat(values(json(page, "/api/v1/batches?since=3000").get("batches"), "batchTime"))
        .containsExactly(4000L, 5000L);
    assertThat(values(json(page, "/api/v1/batches?limit=2").get("batches"), "batchTime"))
        .containsExactly(4000L, 5000L);
    assertThat(get(page, "/api/v1/batches?since=soon").statusCode()).isEqualTo(400);

    JsonNode pipeline = json(page, "/api/v1/pipeline");
    assertThat(pipeline.get("name").asText()).isEqualTo("wordcount");
    assertThat(pipeline.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(pipeline.get("now").asLong()).isEqualTo(5000);
    assertThat(pipeline.get("parallelism").asInt()).isEqualTo(2);
    assertThat(pipeline.get("checkpointing").asBoolean()).isTrue();
  }

  @Test
  void stagesShowTheGraphWithStateKeysBytesAndFingerprints() throws Exception {
    URI page = runFiveBatches();
    JsonNode stages = json(page, "/api/v1/stages").get("stages");
    List<String> ids = new ArrayList<>();
    stages.forEach(stage -> ids.add(stage.get("id").asText()));
    assertThat(ids).containsExactly("lines", "flatMap-1", "mapToPair-2", "totals", "out");
    JsonNode lines = stages.get(0);
    assertThat(lines.get("kind").asText()).isEqualTo("source");
    assertThat(lines.get("sourceKind").asText()).isEqualTo("queue");
    assertThat(stages.get(3).get("kind").asText()).isEqualTo("updateStateByKey");
    assertThat(stages.get(3).get("from").get(0).asText()).isEqualTo("mapToPair-2");
    JsonNode state = stages.get(3).get("state");
    assertThat(state.get("keys").asLong()).isEqualTo(3);
    assertThat(state.get("stateTime").asLong()).isEqualTo(4000);
    assertThat(state.get("bytes").asLong()).isEqualTo(bytesOf(dir.resolve("state/totals/4000")));
    assertThat(state.get("keyFingerprint").asText()).isEqualTo(Fingerprint.hex(Serializers.strings().fingerprint()));
    assertThat(state.get("valueFingerprint").asText()).isEqualTo(Fingerprint.hex(Serializers.longs().fingerprint()));
    assertThat(stages.get(4).get("kind").asText()).isEqualTo("output");
    assertThat(stages.get(4).get("lastOutputRecords").asLong()).isEqualTo(3);

    JsonNode sources = json(page, "/api/v1/sources").get("sources");
    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).get("id").asText()).isEqualTo("lines");
    assertThat(sources.get(0).get("kind").asText()).isEqualTo("queue");
    assertThat(sources.get(0).get("details").get("taken").asLong()).isEqualTo(5);
    assertThat(sources.get(0).get("details").get("queued").asLong()).isZero();
    assertThat(sources.get(0).get("rateLimit").isNull()).isTrue();
  }

  @Test
  void checkpointPanelHasTheDirectoryOwnerRetentionAndVerdict() throws Exception {
    URI page = runFiveBatches();
    JsonNode checkpoint = json(page, "/api/v1/checkpoint");
    assertThat(checkpoint.get("enabled").asBoolean()).isTrue();
    assertThat(checkpoint.get("directory").asText()).isEqualTo("file:" + dir.toRealPath());
    assertThat(checkpoint.get("lock").get("owner").asText()).startsWith("pid " + ProcessHandle.current().pid() + " on ");
    assertThat(checkpoint.get("lock").get("leaseMs").asLong()).isEqualTo(30_000);
    assertThat(checkpoint.get("recovered").isNull()).isTrue();
    assertThat(longs(checkpoint.get("retained").get("metadataTimes"))).containsExactly(3000L, 4000L, 5000L);
    assertThat(checkpoint.get("retained").get("oldest").asLong()).isEqualTo(3000);
    assertThat(checkpoint.get("retained").get("verdict").asText()).isEqualTo("AS_IS");
    assertThat(checkpoint.get("stateReferenced").asLong()).isEqualTo(4000);
    assertThat(checkpoint.get("lastMetadata").get("batchTime").asLong()).isEqualTo(5000);
    assertThat(checkpoint.get("lastMetadata").get("bytes").asLong())
        .isEqualTo(Files.size(dir.resolve("metadata/batch-5000.json")));
    assertThat(checkpoint.get("lastState")).hasSize(1);
    assertThat(checkpoint.get("lastState").get(0).get("stage").asText()).isEqualTo("totals");
    assertThat(checkpoint.get("lastState").get(0).get("batchTime").asLong()).isEqualTo(4000);
    assertThat(checkpoint.get("stateWrites").asLong()).isEqualTo(2);
    List<Long> stateWrites = new ArrayList<>();
    checkpoint.get("writes").forEach(write -> {
      if (write.get("file").asText().equals("state")) {
        stateWrites.add(write.get("batchTime").asLong());
      }
      assertThat(write.get("writeMs").asDouble()).isPositive();
    });
    assertThat(stateWrites).containsExactly(2000L, 4000L);
  }

  @Test
  void prometheusAndJmxHaveTheSameFigures() throws Exception {
    URI page = runFiveBatches();
    HttpResponse<String> metrics = get(page, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
    Map<String, Double> samples = samples(metrics.body());
    String pipeline = "pipeline=\"wordcount\"";
    assertThat(samples).containsEntry("tidemark_records_in_total{" + pipeline + "}", 5.0)
        .containsEntry("tidemark_batches_completed_total{" + pipeline + "}", 5.0)
        .containsEntry("tidemark_batches_failed_total{" + pipeline + "}", 0.0)
        .containsEntry("tidemark_batches_queued{" + pipeline + "}", 0.0)
        .containsEntry("tidemark_batch_scheduling_delay_seconds_count{" + pipeline + "}", 5.0)
        .containsEntry("tidemark_batch_scheduling_delay_seconds_sum{" + pipeline + "}", 3.0)
        .containsEntry("tidemark_batch_scheduling_delay_seconds_max{" + pipeline + "}", 2.0)
        .containsEntry("tidemark_batch_processing_seconds_count{" + pipeline + "}", 5.0)
        .containsEntry("tidemark_batch_total_delay_seconds_count{" + pipeline + "}", 5.0)
        .containsEntry("tidemark_last_batch_timestamp_seconds{" + pipeline + "}", 5.0)
        .containsEntry("tidemark_state_keys{" + pipeline + ",stage=\"totals\"}", 3.0)
        .containsEntry("tidemark_state_bytes{" + pipeline + ",stage=\"totals\"}",
            (double) bytesOf(dir.resolve("state/totals/4000")))
        .containsEntry("tidemark_checkpoint_retained{" + pipeline + "}", 3.0)
        .containsEntry("tidemark_checkpoint_write_seconds_count{file=\"state\"," + pipeline + "}", 2.0);
    // a histogram Grafana can take quantiles of: the 2 s delay is in the buckets above 2 s, not below 1 s
    assertThat(samples.entrySet().stream().filter(e -> e.getKey().startsWith(
        "tidemark_batch_scheduling_delay_seconds_bucket{" + pipeline + ",le=\"+Inf\"}"))).singleElement()
        .extracting(Map.Entry::getValue).isEqualTo(5.0);

    MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    ObjectName recordsIn = jmx.queryNames(new ObjectName(StatusMetrics.JMX_DOMAIN + ":*"), null).stream()
        .filter(name -> name.toString().contains("tidemarkRecordsIn")).findFirst().orElseThrow();
    assertThat(((Number) jmx.getAttribute(recordsIn, "Count")).longValue()).isEqualTo(5);
    ObjectName keys = jmx.queryNames(new ObjectName(StatusMetrics.JMX_DOMAIN + ":*"), null).stream()
        .filter(name -> name.toString().contains("tidemarkStateKeys")).findFirst().orElseThrow();
    assertThat(((Number) jmx.getAttribute(keys, "Value")).doubleValue()).isEqualTo(3.0);

    harness.close();
    harness = null;
    assertThat(jmx.queryNames(new ObjectName(StatusMetrics.JMX_DOMAIN + ":*"), null)).isEmpty();
  }

  private static List<Long> values(JsonNode array, String field) {
    List<Long> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asLong()));
    return values;
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asLong()));
    return values;
  }

  private static long bytesOf(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      long total = 0;
      for (Path file : files.toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }
}
