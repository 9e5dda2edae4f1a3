package io.tidemark.internal.source;

import io.tidemark.function.BatchInfo;
import io.tidemark.source.KafkaSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A direct Kafka source, as Spark's {@code DirectKafkaInputDStream}: no receiver. Planning a batch
 * decides per partition an offset range {@code [from, until)}: from where the last batch ended to the
 * latest offset, capped by the {@link RateControl}. The ranges are the batch's descriptor and their ends
 * the source's position, both recorded in the checkpoint before the batch runs, so a recovery reads
 * exactly the same records again. The checkpoint holds the offsets; committing them to Kafka is only
 * for Kafka's tools. Each partition's records go to one task ({@code partition index mod parallelism}).
 */
public final class KafkaSource<K, V, T> implements InputSource<T, KafkaOffsetRanges> {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSource.class);
  private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

  private final KafkaSubscription subscription;
  private final KafkaSourceOptions options;
  private final Deserializer<K> keys;
  private final Deserializer<V> values;
  private final Function<? super ConsumerRecord<K, V>, ? extends T> mapper;
  private final RateControl rates;
  private String sourceId;
  private Consumer<byte[], byte[]> planner;
  private Admin admin;
  private KafkaOffsetCommitter committer;
  private KafkaRangeReader<K, V> reader;
  /** The offset the next batch starts from, per partition: every offset below it is in a planned batch. */
  private final Map<TopicPartition, Long> next = new HashMap<>();
  /** Until the first plan, partitions of topics without offsets start at the configured position. */
  private boolean firstPlan = true;
  /** The offsets of the last plan, for the status page and metrics. */
  private volatile PlannedOffsets lastPlan = new PlannedOffsets(Map.of(), Map.of());

  public KafkaSource(KafkaSubscription subscription, KafkaSourceOptions options, Deserializer<K> keys,
      Deserializer<V> values, Function<? super ConsumerRecord<K, V>, ? extends T> mapper, long batchIntervalMillis) {
    this.subscription = subscription;
    this.options = options;
    this.keys = keys;
    this.values = values;
    this.mapper = mapper;
    this.rates = new RateControl(options.maxRatePerPartition(), batchIntervalMillis,
        options.backpressure() ? RateEstimator.withDefaultGains(batchIntervalMillis) : null);
  }

  @Override
  public String kind() {
    return "kafka";
  }

  @Override
  public void start(SourceContext context) {
    sourceId = context.sourceId();
    planner = new KafkaConsumer<>(options.consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    admin = Admin.create(options.adminProperties());
    committer = new KafkaOffsetCommitter(sourceId, options.consumerProperties());
    reader = new KafkaRangeReader<>(sourceId, () -> new KafkaConsumer<>(options.consumerProperties(), keys, values),
        options.onOutOfRange(), STALL_TIMEOUT);
  }

  /**
   * Where the last plan left each partition: {@code next}, the offset the next batch starts from, and
   * {@code end}, the partition's end offset when it was planned; their difference is the lag.
   */
  public record PlannedOffsets(Map<TopicPartition, Long> next, Map<TopicPartition, Long> end) {

    /** Records of {@code partition} not yet planned into a batch; 0 for a partition the plan did not see. */
    public long lag(TopicPartition partition) {
      Long from = next.get(partition);
      Long until = end.get(partition);
      return from == null || until == null ? 0 : Math.max(0, until - from);
    }
  }

  /** The offsets of the last plan (empty before the first); read from any thread. */
  public PlannedOffsets lastPlan() {
    return lastPlan;
  }

  /** The topics read. */
  public KafkaSubscription subscription() {
    return subscription;
  }

  /** The records per second and partition the source may read at most; 0 for no limit. */
  public long maxRatePerPartition() {
    return options.maxRatePerPartition();
  }

  /** Whether backpressure sizes the batches. */
  public boolean backpressure() {
    return options.backpressure();
  }

  /** The records per second backpressure currently allows across partitions; empty until it has an estimate. */
  public OptionalDouble backpressureRate() {
    return rates.estimatedRate();
  }

  @Override
  public KafkaOffsets position() {
    return KafkaOffsets.of(next);
  }

  /**
   * Takes up the checkpointed offsets. Topics no longer subscribed lose their position with a warning;
   * subscribed topics the checkpoint does not know (added by an upgrade) start at {@code startingOffsets}.
   */
  @Override
  public void resume(SourcePosition position, List<KafkaOffsetRanges> replayed) {
    ((KafkaOffsets) position).byPartition().forEach((tp, offset) -> {
      if (subscription.includes(tp.topic())) {
        next.put(tp, offset);
      } else {
        LOG.warn("Kafka source '{}' no longer reads topic {}: dropping its checkpointed offset {} of partition {}",
            sourceId, tp.topic(), offset, tp.partition());
      }
    });
  }

  @Override
  public synchronized KafkaOffsetRanges plan(long batchTimeMillis) {
    Set<TopicPartition> partitions = subscription.partitions(admin);
    for (TopicPartition gone : new ArrayList<>(next.keySet())) {
      if (!partitions.contains(gone)) {
        options.onOutOfRange().partitionGone(sourceId, gone, next.remove(gone));
      }
    }
    Map<TopicPartition, Long> earliest = planner.beginningOffsets(partitions);
    Map<TopicPartition, Long> latest = planner.endOffsets(partitions);
    startNewPartitions(partitions, earliest, latest);
    Map<TopicPartition, Long> lags = new LinkedHashMap<>();
    for (TopicPartition tp : partitions) {
      long from = options.onOutOfRange().resolve(sourceId, tp, next.get(tp), earliest.get(tp), latest.get(tp));
      next.put(tp, from);
      lags.put(tp, latest.get(tp) - from);
    }
    List<OffsetRange> ranges = new ArrayList<>();
    rates.limits(lags).forEach((tp, limit) -> {
      if (limit > 0) {
        long from = next.get(tp);
        ranges.add(new OffsetRange(tp.topic(), tp.partition(), from, from + limit));
        next.put(tp, from + limit);
      }
    });
    lastPlan = new PlannedOffsets(Map.copyOf(next), Map.copyOf(latest));
    return new KafkaOffsetRanges(ranges);
  }

  /**
   * Gives partitions without an offset theirs: at the first plan, those of topics the source has no
   * offsets for start at the configured position; any found later is read from its earliest offset.
   */
  private void startNewPartitions(Set<TopicPartition> partitions, Map<TopicPartition, Long> earliest,
      Map<TopicPartition, Long> latest) {
    Set<String> startedTopics = new HashSet<>();
    next.keySet().forEach(tp -> startedTopics.add(tp.topic()));
    List<TopicPartition> configured = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      if (next.containsKey(tp)) {
        continue;
      }
      if (firstPlan && !startedTopics.contains(tp.topic())) {
        configured.add(tp);
      } else {
        LOG.info("Kafka source '{}' found the new partition {}: reading it from its earliest offset {}", sourceId, tp,
            earliest.get(tp));
        next.put(tp, earliest.get(tp));
      }
    }
    if (!configured.isEmpty()) {
      next.putAll(startingOffsets(configured, earliest, latest));
      LOG.info("Kafka source '{}' starts {} at {}", sourceId, configured, options.startingOffsets());
    }
    firstPlan = false;
  }

  private Map<TopicPartition, Long> startingOffsets(List<TopicPartition> partitions, Map<TopicPartition, Long> earliest,
      Map<TopicPartition, Long> latest) {
    Map<TopicPartition, Long> start = new HashMap<>();
    StartingOffsets starting = options.startingOffsets();
    switch (starting.kind()) {
      case EARLIEST -> partitions.forEach(tp -> start.put(tp, earliest.get(tp)));
      case LATEST -> partitions.forEach(tp -> start.put(tp, latest.get(tp)));
      case COMMITTED -> {
        Map<TopicPartition, OffsetAndMetadata> committed = planner.committed(new HashSet<>(partitions));
        partitions.forEach(tp -> start.put(tp, committed.get(tp) == null ? earliest.get(tp) : committed.get(tp).offset()));
      }
      case TIMESTAMP -> {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, starting.timestampMillis()));
        planner.offsetsForTimes(times).forEach((tp, found) -> start.put(tp, found == null ? latest.get(tp) : found.offset()));
      }
    }
    return start;
  }

  @Override
  public List<T> read(KafkaOffsetRanges descriptor) {
    return readPartitioned(descriptor, 1).partition(0);
  }

  /** Each range's records go to task {@code index mod partitionCount}, in range order. */
  @Override
  public PartitionedBatch<T> readPartitioned(KafkaOffsetRanges descriptor, int partitionCount) {
    List<List<ConsumerRecord<K, V>>> byRange = reader.read(descriptor.ranges());
    List<List<T>> tasks = new ArrayList<>();
    for (int p = 0; p < partitionCount; p++) {
      tasks.add(new ArrayList<>());
    }
    for (int i = 0; i < byRange.size(); i++) {
      List<T> task = tasks.get(i % partitionCount);
      byRange.get(i).forEach(record -> task.add(mapper.apply(record)));
    }
    return PartitionedBatch.of(tasks);
  }

  /** Feeds the backpressure estimate; with {@code commitToKafka}, commits the batch's end offsets. */
  @Override
  public void completed(KafkaOffsetRanges descriptor, BatchInfo info) {
    rates.batchCompleted(info.batchTime().milliseconds(), info.recordsIn(), info.processingTime().toMillis(),
        info.schedulingDelay().toMillis());
    if (options.commitToKafka() && !descriptor.ranges().isEmpty()) {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      descriptor.ranges().forEach(range -> offsets.put(range.topicPartition(), new OffsetAndMetadata(range.until())));
      committer.commit(offsets);
    }
  }

  /**
   * Stops planning. The reader and committer reopen for the batches a graceful stop still runs, and the
   * engine stops the source again after the last one. Called from the stopping thread and the job
   * runner, maybe at once: a consumer must not be closed by two threads.
   */
  @Override
  public synchronized void stop() {
    if (planner != null) {
      planner.close();
      admin.close();
      planner = null;
    }
    reader.close();
    committer.close();
  }
}
