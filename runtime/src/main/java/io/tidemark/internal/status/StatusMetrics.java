package io.tidemark.internal.status;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tidemark.internal.checkpoint.CheckpointStatistics;
import io.tidemark.internal.status.PipelineStatusSource.PartitionView;
import io.tidemark.internal.status.PipelineStatusSource.SourceView;
import io.tidemark.schema.StageDescriptor;
import io.tidemark.function.BatchInfo;
import io.tidemark.function.BatchTime;
import io.tidemark.function.StreamingListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The pipeline's metrics, in Prometheus' conventions (base units, {@code _total} counters), tagged
 * with {@code pipeline}: batches ({@code tidemark_batch_processing_seconds}, {@code
 * tidemark_batch_scheduling_delay_seconds}, {@code tidemark_batch_total_delay_seconds}, {@code
 * tidemark_records_in_total}, {@code tidemark_batches_completed_total}, {@code
 * tidemark_batches_failed_total}, {@code tidemark_batches_queued}), state per stage ({@code
 * tidemark_state_keys}, {@code tidemark_state_bytes}), checkpoints ({@code
 * tidemark_checkpoint_write_seconds} by {@code file}, {@code tidemark_checkpoint_retained}) and sources
 * ({@code tidemark_kafka_lag} and {@code tidemark_kafka_offset} per partition, {@code
 * tidemark_source_rate_limit}, {@code tidemark_source_backpressure_rate}, {@code
 * tidemark_receiver_records_total}, {@code tidemark_source_files_total}). Published to a Prometheus
 * registry (scraped at {@code /metrics}) and to JMX (domain {@code tidemark}).
 *
 * <p>Per batch: three timer records and two counter increments on the job runner's thread. Everything
 * else is a gauge read when scraped.
 */
final class StatusMetrics implements AutoCloseable {

  static final String JMX_DOMAIN = "tidemark";
  /** How long a look at the sources serves the gauges that read it. */
  private static final long SOURCES_TTL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final PipelineStatusSource pipeline;
  private final BatchHistory history;
  private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JmxMeterRegistry jmx = new JmxMeterRegistry(new JmxConfig() {
    @Override
    public String get(String key) {
      return null;
    }

    @Override
    public String domain() {
      return JMX_DOMAIN;
    }
  }, Clock.SYSTEM);
  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final Timer processing;
  private final Timer schedulingDelay;
  private final Timer totalDelay;
  private final Counter recordsIn;
  private final Counter completed;
  private final Counter failed;
  /** Source ids and Kafka partitions whose meters exist. */
  private final Set<String> registered = new HashSet<>();
  private List<SourceView> sources = List.of();
  private long sourcesAt = Long.MIN_VALUE;

  StatusMetrics(PipelineStatusSource pipeline, BatchHistory history) {
    this.pipeline = pipeline;
    this.history = history;
    registry.add(prometheus);
    registry.add(jmx);
    registry.config().commonTags("pipeline", pipeline.name());
    processing = timer("tidemark.batch.processing", "Wall time spent running a batch");
    schedulingDelay = timer("tidemark.batch.scheduling.delay",
        "How late a batch started on the pipeline's clock; grows when the pipeline falls behind");
    totalDelay = timer("tidemark.batch.total.delay", "Scheduling delay plus processing time of a batch");
    recordsIn = Counter.builder("tidemark.records.in").description("Records read from all sources").register(registry);
    completed = Counter.builder("tidemark.batches.completed").description("Batches completed, outputs included")
        .register(registry);
    failed = Counter.builder("tidemark.batches.failed").description("Batches that failed").register(registry);
    Gauge.builder("tidemark.batches.queued", pipeline, PipelineStatusSource::queuedBatches).strongReference(true)
        .description("Batches generated and not completed, the running one included").register(registry);
    Gauge.builder("tidemark.last.batch.timestamp", history,
            h -> h.last().map(info -> info.batchTime().milliseconds() / 1000.0).orElse(Double.NaN))
        .strongReference(true).baseUnit("seconds").description("The time of the last completed batch")
        .register(registry);
    for (StageDescriptor stage : pipeline.descriptor().statefulStages()) {
      String id = stage.id();
      Gauge.builder("tidemark.state.keys", history, h -> keysOrNaN(h.stateKeys(id))).strongReference(true)
          .tag("stage", id).description("Keys held by a stateful stage after the last batch").register(registry);
    }
    pipeline.checkpoint().ifPresent(this::checkpointMeters);
    refresh();
  }

  private Timer timer(String name, String description) {
    return Timer.builder(name).description(description).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
  }

  private static double keysOrNaN(long keys) {
    return keys < 0 ? Double.NaN : keys;
  }

  private void checkpointMeters(CheckpointStatistics checkpoint) {
    FunctionTimer.builder("tidemark.checkpoint.write", checkpoint, CheckpointStatistics::metadataWrites,
            CheckpointStatistics::metadataWriteNanos, TimeUnit.NANOSECONDS)
        .tag("file", "metadata").description("Writing a checkpoint's files, sync and rename included")
        .register(registry);
    FunctionTimer.builder("tidemark.checkpoint.write", checkpoint, CheckpointStatistics::stateWrites,
            CheckpointStatistics::stateWriteNanos, TimeUnit.NANOSECONDS)
        .tag("file", "state").description("Writing a checkpoint's files, sync and rename included")
        .register(registry);
    Gauge.builder("tidemark.checkpoint.retained", checkpoint, c -> c.retained().metadataTimes().size())
        .strongReference(true).description("Metadata checkpoints kept").register(registry);
    for (StageDescriptor stage : pipeline.descriptor().statefulStages()) {
      String id = stage.id();
      Gauge.builder("tidemark.state.bytes", checkpoint,
              c -> Optional.ofNullable(c.lastState().get(id)).map(w -> (double) w.bytes()).orElse(Double.NaN))
          .strongReference(true).tag("stage", id).baseUnit("bytes")
          .description("Bytes of a stateful stage's last state checkpoint").register(registry);
    }
  }

  /** The listener that records every batch. */
  StreamingListener listener() {
    return new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        processing.record(info.processingTime());
        schedulingDelay.record(info.schedulingDelay());
        totalDelay.record(info.totalDelay());
        recordsIn.increment(info.recordsIn());
        completed.increment();
      }

      @Override
      public void onBatchFailed(BatchTime time, Throwable error) {
        failed.increment();
      }
    };
  }

  /** Registers the meters of sources and Kafka partitions that appeared since the last call. */
  synchronized void refresh() {
    for (SourceView source : sources()) {
      Tags tags = Tags.of("source", source.id());
      if (registered.add(source.id())) {
        sourceGauge("tidemark.source.rate.limit", source.id(), tags, view -> nullable(view.rateLimit()),
            "The configured rate limit, records per second (per partition for Kafka)");
        sourceGauge("tidemark.source.backpressure.rate", source.id(), tags, view -> nullable(view.backpressureRate()),
            "The rate backpressure allows now, records per second");
        if (source.kind().equals("socket")) {
          FunctionCounter.builder("tidemark.receiver.records", history,
                  h -> h.received().getOrDefault(source.id(), 0L)).tags(tags)
              .description("Records a receiver stored").register(registry);
        }
        if (source.details().containsKey("filesTaken")) {
          FunctionCounter.builder("tidemark.source.files", this,
                  m -> detail(m.source(source.id()), "filesTaken")).tags(tags)
              .description("Files a directory source took").register(registry);
        }
      }
      for (PartitionView partition : source.partitions()) {
        String key = source.id() + "/" + partition.topic() + "/" + partition.partition();
        if (registered.add(key)) {
          Tags partitionTags = tags.and("topic", partition.topic(), "partition", Integer.toString(partition.partition()));
          partitionGauge("tidemark.kafka.lag", source.id(), partition, partitionTags, PartitionView::lag,
              "Records of a partition not yet planned into a batch, against its end offset at the last plan");
          partitionGauge("tidemark.kafka.offset", source.id(), partition, partitionTags, PartitionView::offset,
              "The offset the next batch of a partition starts from");
        }
      }
    }
  }

  private void sourceGauge(String name, String sourceId, Tags tags, ToDoubleFunction<SourceView> value,
      String description) {
    Gauge.builder(name, this, m -> Optional.ofNullable(m.source(sourceId)).map(value::applyAsDouble).orElse(Double.NaN))
        .strongReference(true).tags(tags).description(description).register(registry);
  }

  private void partitionGauge(String name, String sourceId, PartitionView partition, Tags tags,
      ToDoubleFunction<PartitionView> value, String description) {
    Gauge.builder(name, this, m -> {
      SourceView source = m.source(sourceId);
      return source == null ? Double.NaN : source.partitions().stream()
          .filter(p -> p.topic().equals(partition.topic()) && p.partition() == partition.partition())
          .mapToDouble(value).findFirst().orElse(Double.NaN);
    }).strongReference(true).tags(tags).description(description).register(registry);
  }

  private static double nullable(Number value) {
    return value == null ? Double.NaN : value.doubleValue();
  }

  private static double detail(SourceView source, String name) {
    return source != null && source.details().get(name) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** The sources as seen at most {@link #SOURCES_TTL_NANOS} ago: one look serves every gauge of a scrape. */
  private synchronized List<SourceView> sources() {
    long now = System.nanoTime();
    if (sourcesAt == Long.MIN_VALUE || now - sourcesAt > SOURCES_TTL_NANOS) {
      sources = pipeline.sources();
      sourcesAt = now;
    }
    return sources;
  }

  private SourceView source(String id) {
    return sources().stream().filter(s -> Objects.equals(s.id(), id)).findFirst().orElse(null);
  }

  /** The Prometheus text exposition of every meter, the sources looked at afresh for it. */
  String scrape() {
    synchronized (this) {
      sourcesAt = Long.MIN_VALUE; // one new look serves every gauge of this scrape
    }
    refresh();
    return prometheus.scrape();
  }

  MeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    registry.close();
    prometheus.close();
    jmx.close();
  }
}
