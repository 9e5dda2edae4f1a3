package io.tidemark.internal.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.internal.checkpoint.CheckpointStatistics;
import io.tidemark.internal.checkpoint.CheckpointStatistics.Write;
import io.tidemark.internal.status.PipelineStatusSource.PartitionView;
import io.tidemark.internal.status.PipelineStatusSource.SourceView;
import io.tidemark.schema.Finding;
import io.tidemark.schema.Fingerprint;
import io.tidemark.schema.PipelineReport;
import io.tidemark.schema.StageDescriptor;
import io.tidemark.function.BatchInfo;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON documents of {@code /api/v1/...}: what the page shows, with stable camelCase names, times in
 * milliseconds ({@code batchTime} on the pipeline's clock, {@code at} on the wall clock) and sizes in
 * bytes. Built from the pipeline's snapshot on each request; the configuration and errors redacted.
 */
final class StatusJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final PipelineStatusSource pipeline;
  private final BatchHistory history;
  private final Redaction redaction;
  private final String runId;
  private final long startedAt;

  StatusJson(PipelineStatusSource pipeline, BatchHistory history, String runId, long startedAt) {
    this.pipeline = pipeline;
    this.history = history;
    this.redaction = new Redaction(pipeline.config());
    this.runId = runId;
    this.startedAt = startedAt;
  }

  /** {@code /api/v1/pipeline}: name, state, run, clock, configuration (redacted), totals. */
  ObjectNode pipeline() {
    ObjectNode node = MAPPER.createObjectNode()
        .put("name", pipeline.name())
        .put("state", pipeline.state())
        .put("runId", runId)
        .put("startedAt", startedAt)
        .put("now", pipeline.nowMillis())
        .put("batchIntervalMs", pipeline.batchIntervalMillis())
        .put("parallelism", pipeline.parallelism())
        .put("toolkitVersion", pipeline.toolkitVersion())
        .put("checkpointing", pipeline.checkpoint().isPresent())
        .put("queuedBatches", pipeline.queuedBatches())
        .put("batchesCompleted", history.completed())
        .put("batchesFailed", history.failed())
        .put("recordsIn", history.recordsIn());
    ObjectNode config = node.putObject("config");
    redaction.config().forEach(config::put);
    return node;
  }

  /** {@code /api/v1/batches}: the completed batches after {@code since}, newest {@code limit}, and the failures. */
  ObjectNode batches(long since, int limit) {
    ObjectNode node = MAPPER.createObjectNode()
        .put("runId", runId)
        .put("batchIntervalMs", pipeline.batchIntervalMillis())
        .put("queuedBatches", pipeline.queuedBatches())
        .put("batchesCompleted", history.completed())
        .put("batchesFailed", history.failed())
        .put("recordsIn", history.recordsIn());
    ArrayNode batches = node.putArray("batches");
    double intervalSeconds = pipeline.batchIntervalMillis() / 1000.0;
    for (BatchInfo info : history.since(since, limit)) {
      ObjectNode batch = batches.addObject()
          .put("batchTime", info.batchTime().milliseconds())
          .put("recordsIn", info.recordsIn())
          .put("inputRate", info.recordsIn() / intervalSeconds)
          .put("schedulingDelayMs", millis(info.schedulingDelay()))
          .put("processingTimeMs", millis(info.processingTime()))
          .put("totalDelayMs", millis(info.totalDelay()));
      longs(batch.putObject("outputRecords"), info.outputRecords());
      longs(batch.putObject("stateKeys"), info.stateSizes());
    }
    ArrayNode failures = node.putArray("failures");
    for (BatchHistory.Failure failure : history.failures()) {
      failures.addObject().put("batchTime", failure.batchTime()).put("error", redaction.scrub(failure.error()))
          .put("at", failure.atMillis());
    }
    return node;
  }

  /** {@code /api/v1/stages}: every stage of the descriptor, stateful ones with keys, bytes and fingerprints. */
  ObjectNode stages() {
    ObjectNode node = MAPPER.createObjectNode().put("pipeline", pipeline.name())
        .put("batchIntervalMs", pipeline.batchIntervalMillis());
    Optional<BatchInfo> last = history.last();
    Map<String, Write> stateWrites = pipeline.checkpoint().map(CheckpointStatistics::lastState).orElse(Map.of());
    ArrayNode stages = node.putArray("stages");
    for (StageDescriptor descriptor : pipeline.descriptor().stages()) {
      ObjectNode stage = stages.addObject().put("id", descriptor.id()).put("kind", descriptor.kind());
      if (descriptor.sourceKind() != null) {
        stage.put("sourceKind", descriptor.sourceKind());
      }
      descriptor.from().forEach(stage.putArray("from")::add);
      descriptor.formerIds().forEach(stage.putArray("formerIds")::add);
      descriptor.window().ifPresent(window -> stage.putObject("window").put("lengthMs", window.lengthMillis())
          .put("slideMs", window.slideMillis()));
      descriptor.state().ifPresent(state -> {
        ObjectNode held = stage.putObject("state")
            .put("keyFingerprint", Fingerprint.hex(Fingerprint.of(state.key())))
            .put("valueFingerprint", Fingerprint.hex(Fingerprint.of(state.value())));
        Long keys = last.map(info -> info.stateSizes().get(descriptor.id())).orElse(null);
        putNullable(held, "keys", keys);
        Write written = stateWrites.get(descriptor.id());
        putNullable(held, "bytes", written == null ? null : written.bytes());
        putNullable(held, "stateTime", written == null ? null : written.batchTime());
      });
      if (descriptor.kind().equals(StageDescriptor.OUTPUT)) {
        putNullable(stage, "lastOutputRecords", last.map(info -> info.outputRecords().get(descriptor.id())).orElse(null));
      }
    }
    return node;
  }

  /** {@code /api/v1/sources}: every source with its position, Kafka partitions and lag, rate limit and backpressure. */
  ObjectNode sources() {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode sources = node.putArray("sources");
    Map<String, Long> received = history.received();
    for (SourceView view : pipeline.sources()) {
      ObjectNode source = sources.addObject().put("id", view.id()).put("kind", view.kind()).put("target", view.target());
      putNullable(source, "rateLimit", view.rateLimit());
      if (view.backpressureRate() == null) {
        source.putNull("backpressureRate");
      } else {
        source.put("backpressureRate", view.backpressureRate());
      }
      if (received.containsKey(view.id())) {
        source.put("recordsReceived", received.get(view.id()));
      }
      if (!view.partitions().isEmpty() || view.kind().equals("kafka")) {
        source.put("totalLag", view.totalLag());
        ArrayNode partitions = source.putArray("partitions");
        for (PartitionView partition : view.partitions()) {
          partitions.addObject().put("topic", partition.topic()).put("partition", partition.partition())
              .put("offset", partition.offset()).put("endOffset", partition.endOffset()).put("lag", partition.lag());
        }
      }
      source.set("details", MAPPER.valueToTree(view.details()));
    }
    return node;
  }

  /** {@code /api/v1/checkpoint}: the directory, owner, recovery, writes, retention and compatibility. */
  ObjectNode checkpoint() {
    Optional<CheckpointStatistics> found = pipeline.checkpoint();
    ObjectNode node = MAPPER.createObjectNode().put("enabled", found.isPresent());
    if (found.isEmpty()) {
      return node;
    }
    CheckpointStatistics checkpoint = found.get();
    node.put("directory", checkpoint.location());
    checkpoint.lock().ifPresentOrElse(lock -> node.putObject("lock").put("owner", lock.owner())
        .put("leaseMs", lock.leaseMillis()).put("lastHeartbeat", lock.lastHeartbeatMillis()), () -> node.putNull("lock"));
    checkpoint.recovered().ifPresentOrElse(recovered -> {
      ObjectNode from = node.putObject("recovered").put("batchTime", recovered.batchTime())
          .put("toolkitVersion", recovered.toolkitVersion());
      putNullable(from, "stateTime", recovered.stateTime());
      report(from, recovered.report());
    }, () -> node.putNull("recovered"));
    checkpoint.lastMetadata().ifPresentOrElse(write -> write(node.putObject("lastMetadata"), write),
        () -> node.putNull("lastMetadata"));
    ArrayNode states = node.putArray("lastState");
    checkpoint.lastState().values().forEach(write -> write(states.addObject().put("stage", write.stageId()), write));
    putNullable(node, "stateReferenced", checkpoint.stateReferenced());
    CheckpointStatistics.Retained retained = checkpoint.retained();
    ObjectNode retention = node.putObject("retained");
    retained.metadataTimes().forEach(retention.putArray("metadataTimes")::add);
    if (!retained.metadataTimes().isEmpty()) {
      retention.put("oldest", retained.metadataTimes().get(0));
      retained.oldestReport().ifPresentOrElse(report -> report(retention, report),
          () -> retention.put("verdict", "UNREADABLE"));
    }
    ArrayNode writes = node.putArray("writes");
    for (Write write : checkpoint.recentWrites()) {
      ObjectNode entry = writes.addObject().put("file", write.isMetadata() ? "metadata" : "state");
      if (!write.isMetadata()) {
        entry.put("stage", write.stageId());
      }
      write(entry, write);
    }
    node.put("metadataWrites", checkpoint.metadataWrites()).put("stateWrites", checkpoint.stateWrites());
    longs(node.putObject("walSegmentsFrom"), checkpoint.walSegmentsFrom());
    return node;
  }

  /** Masks the configuration's secrets in {@code text}. */
  String scrub(String text) {
    return redaction.scrub(text);
  }

  private static void write(ObjectNode node, Write write) {
    node.put("batchTime", write.batchTime()).put("bytes", write.bytes()).put("writeMs", write.nanos() / 1e6)
        .put("at", write.finishedAtMillis());
  }

  private static void report(ObjectNode node, PipelineReport report) {
    node.put("verdict", report.verdict().name());
    ArrayNode findings = node.putArray("findings");
    for (Finding finding : report.overall().findings()) {
      findings.addObject().put("severity", finding.severity().name()).put("path", finding.path())
          .put("message", finding.message()).put("fix", finding.fix());
    }
    ObjectNode stages = node.putObject("stages");
    report.stages().forEach((stage, verdict) -> stages.put(stage, verdict.name()));
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }

  private static void longs(ObjectNode node, Map<String, Long> values) {
    values.forEach(node::put);
  }

  private static void putNullable(ObjectNode node, String name, Long value) {
    if (value == null) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }

  private static void putNullable(ObjectNode node, String name, OptionalLong value) {
    putNullable(node, name, value.isPresent() ? value.getAsLong() : null);
  }
}
