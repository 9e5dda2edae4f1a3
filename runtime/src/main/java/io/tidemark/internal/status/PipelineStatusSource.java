package io.tidemark.internal.status;

import io.tidemark.internal.checkpoint.CheckpointStatistics;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.function.StreamingListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the status page, its API and its metrics read of a running pipeline: a narrow, read-only view,
 * so that nothing here can change the job. Batches arrive through a {@link StreamingListener}; the rest
 * is read on demand from the HTTP threads (and at a metrics scrape), so every method is thread-safe and
 * cheap: no file is read, no record looked at.
 */
public interface PipelineStatusSource {

  /** The pipeline's name, as its descriptor and checkpoints record it. */
  String name();

  long batchIntervalMillis();

  int parallelism();

  /** The configuration as given, secrets included: the status page redacts it. */
  Map<String, String> config();

  /** The running code's descriptor: every stage and output with its inputs, window and state schemas. */
  PipelineDescriptor descriptor();

  /** {@code INITIALIZED}, {@code ACTIVE} or {@code STOPPED}. */
  String state();

  /** The version of Tidemark running it. */
  String toolkitVersion();

  /** The pipeline's clock, milliseconds (a manual clock in tests). */
  long nowMillis();

  /** Subscribes to the batches from now on; called once per listener, before the first batch. */
  void addListener(StreamingListener listener);

  /** Batches generated and not completed, the running one included: a backlog shows here first. */
  int queuedBatches();

  /** Every source the outputs read, in the graph's order. */
  List<SourceView> sources();

  /** The checkpoint's facts; empty when the pipeline does not checkpoint. */
  Optional<CheckpointStatistics> checkpoint();

  /**
   * One source as the status shows it.
   *
   * @param kind {@code kafka}, {@code textFile}, {@code socket}, {@code queue}, ...
   * @param target what it reads: topics, a directory, {@code host:port}
   * @param partitions a Kafka source's partitions, each with its next offset, end offset and lag
   * @param rateLimit the configured limit in records per second (per partition for Kafka); null: none
   * @param backpressureRate the rate backpressure allows now, records per second; null: none
   * @param details other facts by stable camelCase name (files taken, write-ahead log position, ...)
   */
  record SourceView(String id, String kind, String target, List<PartitionView> partitions, Long rateLimit,
      Double backpressureRate, Map<String, Object> details) {

    public SourceView {
      partitions = List.copyOf(partitions);
    }

    public long totalLag() {
      return partitions.stream().mapToLong(PartitionView::lag).sum();
    }
  }

  /** A Kafka partition: the offset the next batch starts from, the end offset at the last plan, their difference. */
  record PartitionView(String topic, int partition, long offset, long endOffset, long lag) {}
}
