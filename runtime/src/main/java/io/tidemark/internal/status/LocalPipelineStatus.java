package io.tidemark.internal.status;

import io.tidemark.internal.checkpoint.CheckpointStatistics;
import io.tidemark.internal.checkpoint.CheckpointedRun;
import io.tidemark.function.Clock;
import io.tidemark.internal.driver.JobScheduler;
import io.tidemark.internal.plan.LogicalPlan;
import io.tidemark.internal.plan.Operation;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.internal.source.DirectorySource;
import io.tidemark.internal.source.InputSource;
import io.tidemark.internal.source.KafkaSource;
import io.tidemark.internal.source.QueuePosition;
import io.tidemark.internal.source.QueueSource;
import io.tidemark.internal.source.SocketTextSource;
import io.tidemark.internal.source.SourcePosition;
import io.tidemark.internal.source.TakenFiles;
import io.tidemark.internal.source.WalPosition;
import io.tidemark.function.StreamingListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;

/**
 * The adapter from the driver, the plan, its sources and its checkpoint to {@link PipelineStatusSource}:
 * the one class of the status that knows them (whichever engine runs the batches). Reads only: positions through the scheduler's lock-held
 * {@code planning()} (as a checkpoint takes them), everything else from volatile snapshots the engine,
 * the sources and the checkpoint writer keep.
 */
public final class LocalPipelineStatus implements PipelineStatusSource {

  private final LogicalPlan plan;
  private final PipelineDescriptor descriptor;
  private final Map<String, String> config;
  private final Clock clock;
  private final Consumer<StreamingListener> listeners;
  private final JobScheduler scheduler;
  private final CheckpointedRun checkpointed;
  private final Supplier<String> state;

  /**
   * @param plan the frozen plan being run
   * @param listeners subscribes a listener to the batches
   * @param checkpointed the checkpoint directory's run; null when the pipeline does not checkpoint
   * @param state the context's lifecycle state
   */
  public LocalPipelineStatus(LogicalPlan plan, Map<String, String> config, Clock clock,
      Consumer<StreamingListener> listeners, JobScheduler scheduler, CheckpointedRun checkpointed,
      Supplier<String> state) {
    this.plan = plan;
    this.descriptor = plan.descriptor();
    this.config = Map.copyOf(config);
    this.clock = clock;
    this.listeners = listeners;
    this.scheduler = scheduler;
    this.checkpointed = checkpointed;
    this.state = state;
  }

  @Override
  public String name() {
    return plan.name();
  }

  @Override
  public long batchIntervalMillis() {
    return plan.batchIntervalMillis();
  }

  @Override
  public int parallelism() {
    return plan.parallelism();
  }

  @Override
  public Map<String, String> config() {
    return config;
  }

  @Override
  public PipelineDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public String state() {
    return state.get();
  }

  @Override
  public String toolkitVersion() {
    return CheckpointedRun.toolkitVersion();
  }

  @Override
  public long nowMillis() {
    return clock.nowMillis();
  }

  @Override
  public void addListener(StreamingListener listener) {
    listeners.accept(listener);
  }

  @Override
  public int queuedBatches() {
    return scheduler.pendingCount();
  }

  @Override
  public Optional<CheckpointStatistics> checkpoint() {
    return Optional.ofNullable(checkpointed).map(CheckpointedRun::statistics);
  }

  @Override
  public List<SourceView> sources() {
    Map<String, SourcePosition> positions = scheduler.planning().positions();
    Map<String, Long> walFrom = checkpoint().map(CheckpointStatistics::walSegmentsFrom).orElse(Map.of());
    List<SourceView> views = new ArrayList<>();
    for (PlanNode<?> input : plan.activeInputs()) {
      InputSource<?, ?> source = ((Operation.Input) input.operation()).source();
      views.add(view(input.id(), source, positions.get(input.id()), walFrom.get(input.id())));
    }
    return views;
  }

  private static SourceView view(String id, InputSource<?, ?> source, SourcePosition position, Long walFrom) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (source instanceof KafkaSource<?, ?, ?> kafka) {
      KafkaSource.PlannedOffsets plan = kafka.lastPlan();
      List<PartitionView> partitions = new ArrayList<>();
      plan.end().keySet().stream()
          .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
          .forEach(tp -> partitions.add(new PartitionView(tp.topic(), tp.partition(), plan.next().getOrDefault(tp, 0L),
              plan.end().get(tp), plan.lag(tp))));
      details.put("backpressure", kafka.backpressure());
      return new SourceView(id, source.kind(), kafka.subscription().toString(), partitions,
          kafka.maxRatePerPartition() > 0 ? kafka.maxRatePerPartition() : null,
          kafka.backpressureRate().isPresent() ? kafka.backpressureRate().getAsDouble() : null, details);
    }
    Long rateLimit = null;
    String target = "";
    if (source instanceof DirectorySource directory) {
      target = directory.directory().toString();
      details.put("filesTaken", directory.filesTaken());
      details.put("filesOfLastBatch", directory.filesOfLastBatch());
      if (position instanceof TakenFiles taken) {
        details.put("filesRemembered", taken.files().size());
      }
    } else if (source instanceof SocketTextSource socket) {
      target = socket.address();
      rateLimit = socket.maxRatePerSecond() > 0 ? socket.maxRatePerSecond() : null;
      details.put("blocksReceived", socket.blocksReceived());
      details.put("writeAheadLog", socket.writeAheadLogged());
      if (position instanceof WalPosition wal) {
        details.put("walAllocatedSegment", wal.segment());
        details.put("walAllocatedOffset", wal.offset());
      }
      if (walFrom != null) {
        details.put("walSegmentsFrom", walFrom);
      }
    } else if (source instanceof QueueSource<?> queue) {
      target = "in-memory queue";
      details.put("queued", queue.queued());
      if (position instanceof QueuePosition taken) {
        details.put("taken", taken.nextIndex());
      }
    }
    return new SourceView(id, source.kind(), target, List.of(), rateLimit, null, details);
  }
}
