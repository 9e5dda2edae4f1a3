package io.tidemark.stream;

import io.tidemark.function.Clock;
import io.tidemark.function.StreamingListener;
import io.tidemark.internal.checkpoint.CheckpointOptions;
import io.tidemark.internal.checkpoint.CheckpointedRun;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.driver.LoggingStreamingListener;
import io.tidemark.internal.plan.Engine;
import io.tidemark.internal.plan.LogicalPlan;
import io.tidemark.internal.plan.Operation;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.DirectorySource;
import io.tidemark.internal.source.InputSource;
import io.tidemark.internal.source.KafkaSource;
import io.tidemark.internal.source.KafkaSourceOptions;
import io.tidemark.internal.source.QueueSource;
import io.tidemark.internal.source.SocketTextSource;
import io.tidemark.internal.status.StatusOptions;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.source.KafkaSubscription;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The entry point of a pipeline: create the input streams, derive streams from them, register outputs,
 * then {@link #start()}. Batches are generated every batch interval on the context's {@link Clock}.
 *
 * <p>Lifecycle as in Spark Streaming: a context starts once; no stage can be added after {@link
 * #start()}; a stopped context cannot be restarted.
 */
public final class StreamingContext implements AutoCloseable {

  /**
   * The configuration key that turns the receivers' write-ahead log on ({@code "true"}); see {@link
   * StreamingContextBuilder#writeAheadLog}.
   */
  public static final String WAL_ENABLED = "wal.enabled";
  /** How long a graceful stop on JVM shutdown may take by default. */
  public static final Duration DEFAULT_GRACEFUL_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
  /** The configuration entry of the status page's port ({@link StreamingContextBuilder#uiPort}). */
  public static final String UI_PORT = StatusOptions.PORT;
  /** The configuration entry of the status page's address ({@link StreamingContextBuilder#uiBindAddress}). */
  public static final String UI_HOST = StatusOptions.HOST;

  /** The system property that chooses the engine of contexts that do not name one (default {@value Engine#LOCAL}). */
  public static final String ENGINE_PROPERTY = "tidemark.engine";

  private final String name;
  private final String engine;
  private final LogicalPlan plan;
  private final Duration batchInterval;
  private final Clock clock;
  private final Map<String, String> config;
  private final CheckpointOptions checkpointOptions;
  private final Boolean stopGracefullyOnShutdown;
  private final Duration gracefulShutdownTimeout;
  private CheckpointedRun checkpointed;
  private PipelineRun run;
  private final StatusOptions statusOptions;
  private GracefulShutdownHook shutdownHook;
  private MarkerFileWatcher markerWatcher;
  private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
  private Duration remember = Duration.ZERO;
  private StreamingContextState state = StreamingContextState.INITIALIZED;

  /** A context on the system clock with one partition per available core. */
  public StreamingContext(Duration batchInterval) {
    this(builder(batchInterval));
  }

  StreamingContext(StreamingContextBuilder builder) {
    this.name = builder.name;
    this.engine = builder.engine;
    this.batchInterval = builder.batchInterval;
    this.clock = builder.clock;
    this.config = Map.copyOf(builder.config);
    this.checkpointOptions = CheckpointOptions.of(builder.checkpointInterval, builder.retainedCheckpoints,
        builder.checkpointLockLease, batchInterval).withWriteAheadLog(flag(config, WAL_ENABLED));
    this.stopGracefullyOnShutdown = builder.stopGracefullyOnShutdown;
    this.gracefulShutdownTimeout = builder.gracefulShutdownTimeout;
    this.statusOptions = StatusOptions.of(config, builder.uiUser, builder.uiPassword, builder.uiToken, System.getenv());
    this.plan = new LogicalPlan(name, batchInterval, builder.parallelism);
    builder.formerIds.forEach((formerId, id) -> plan.declareRenamed(formerId, id));
    builder.droppedStages.forEach(plan::declareDropped);
    listeners.add(new LoggingStreamingListener());
  }

  /**
   * The context of a pipeline that checkpoints to {@code checkpointDirectory} (a Hadoop URI such as
   * {@code hdfs://nn/ckpt}, or a local path), taking up where its last run left off. {@code factory}
   * is called every time: it builds the pipeline from the current code (the graph is never read from a
   * checkpoint). With a checkpoint in the directory, the checkpoint is then checked against the new
   * pipeline (an incompatible one is refused, nothing written), its state restored, and on {@link
   * #start()} the batches after its data checkpoint are recomputed without outputs, its pending batches
   * run, and new batches follow. Without one, the context starts afresh.
   *
   * @param factory builds the pipeline on a new context, not started
   * @throws io.tidemark.checkpoint.IncompatibleCheckpointException when the current code cannot read the
   *     checkpoint; the message is the report, each finding with its path and fix
   * @throws io.tidemark.checkpoint.CheckpointException when the directory cannot be used (owned by a
   *     running instance, unreadable, every checkpoint in it damaged): the message names the file and the fix
   */
  public static StreamingContext getOrCreate(String checkpointDirectory, Supplier<StreamingContext> factory) {
    return getOrCreate(checkpointDirectory, new Configuration(), factory);
  }

  /** As {@link #getOrCreate(String, Supplier)}, with the Hadoop configuration of the checkpoint's filesystem. */
  public static StreamingContext getOrCreate(String checkpointDirectory, Configuration hadoopConf,
      Supplier<StreamingContext> factory) {
    StreamingContext context = factory.get();
    if (context.state() != StreamingContextState.INITIALIZED || context.checkpointed != null) {
      throw new IllegalArgumentException("The factory of getOrCreate must return a new StreamingContext, not started");
    }
    Map<String, Optional<StateSerializers<?, ?>>> stateful = new LinkedHashMap<>();
    for (PlanNode<?> node : context.plan.statefulNodes()) {
      stateful.put(node.id(), ((Operation.Stateful) node.operation()).serializers());
    }
    context.checkpointed = CheckpointedRun.open(checkpointDirectory, hadoopConf, stateful, context.descriptor(),
        context.config, context.checkpointOptions);
    return context;
  }

  private static boolean flag(Map<String, String> config, String key) {
    String value = config.getOrDefault(key, "false");
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("The configuration entry " + key + " must be true or false, got \"" + value
          + "\"");
    }
    return Boolean.parseBoolean(value);
  }

  /** Options of a context; only the batch interval is required. */
  public static StreamingContextBuilder builder(Duration batchInterval) {
    return new StreamingContextBuilder(batchInterval);
  }

  public String name() {
    return name;
  }

  /**
   * The pipeline descriptor of the stages and outputs defined so far: what a checkpoint records and
   * what an upgraded pipeline is checked against.
   */
  public PipelineDescriptor descriptor() {
    return plan.descriptor();
  }

  public Duration batchInterval() {
    return batchInterval;
  }

  public Clock clock() {
    return clock;
  }

  public int parallelism() {
    return plan.parallelism();
  }

  public Map<String, String> config() {
    return config;
  }

  public synchronized StreamingContextState state() {
    return state;
  }

  /** The plan the streams of this context build. */
  LogicalPlan plan() {
    return plan;
  }

  /**
   * A stream of the collections taken from {@code queue}: one per batch ({@code oneAtATime}) or all
   * that are queued. Thread-safe use: add to the queue while holding its monitor, or use a concurrent
   * queue.
   */
  public <T> DStream<T> queueStream(Queue<? extends Collection<T>> queue, boolean oneAtATime) {
    return input(new QueueSource<>(queue, oneAtATime, null));
  }

  /** As {@link #queueStream(Queue, boolean)}, with {@code defaultBatch} for batches that find the queue empty. */
  public <T> DStream<T> queueStream(Queue<? extends Collection<T>> queue, boolean oneAtATime,
      Collection<T> defaultBatch) {
    return input(new QueueSource<>(queue, oneAtATime, List.copyOf(defaultBatch)));
  }

  /** Lines of UTF-8 text read from a TCP server by a receiver thread. */
  public DStream<String> socketTextStream(String host, int port) {
    return input(new SocketTextSource(host, port, 0));
  }

  /** As {@link #socketTextStream(String, int)}, receiving at most {@code maxRatePerSecond} lines per second. */
  public DStream<String> socketTextStream(String host, int port, long maxRatePerSecond) {
    if (maxRatePerSecond <= 0) {
      throw new IllegalArgumentException("maxRate must be positive, got " + maxRatePerSecond);
    }
    return input(new SocketTextSource(host, port, maxRatePerSecond));
  }

  /**
   * Lines of the text files that appear in {@code directory}: each batch takes the files modified since
   * the context started, up to the batch time, that no earlier batch took. Move files in atomically.
   */
  public DStream<String> textFileStream(Path directory) {
    return input(new DirectorySource(directory));
  }

  /**
   * The values of the records of Kafka {@code topics}, as UTF-8 strings: a direct stream, see {@link
   * #kafkaStream(KafkaSubscription, Map, Deserializer, Deserializer, Function)}.
   */
  public DStream<String> kafkaStream(KafkaSubscription topics, Map<String, String> properties) {
    return kafkaStream(topics, properties, new StringDeserializer(), new StringDeserializer(), ConsumerRecord::value);
  }

  /**
   * The records of Kafka {@code topics}, each turned into an element by {@code mapper}: a direct stream,
   * without a receiver. Each batch reads an offset range per partition, decided when the batch is
   * planned and recorded in the checkpoint before it runs, so a recovery reads exactly the same records.
   * Give the stream a stable id ({@link DStream#uid}): its offsets are checkpointed under it.
   *
   * @param properties the consumer's properties ({@code bootstrap.servers} at least) and the source's
   *     options ({@code startingOffsets}, {@code onOutOfRange}, {@code maxRatePerPartition}, {@code
   *     backpressure}, {@code commitToKafka}; see {@link KafkaSourceOptions})
   * @throws IllegalArgumentException naming an option with a bad value and the allowed values
   */
  public <K, V, T> DStream<T> kafkaStream(KafkaSubscription topics, Map<String, String> properties,
      Deserializer<K> keys, Deserializer<V> values, Function<? super ConsumerRecord<K, V>, ? extends T> mapper) {
    return input(new KafkaSource<>(topics, KafkaSourceOptions.parse(properties), keys, values, mapper,
        batchInterval.toMillis()));
  }

  private <T> DStream<T> input(InputSource<T, ?> source) {
    return new DStream<>(this, plan.addInput(source));
  }

  /**
   * Keeps each batch's input readable for at least {@code duration} after the batch completed (windows
   * keep their own length in any case).
   */
  public synchronized void remember(Duration duration) {
    if (state != StreamingContextState.INITIALIZED) {
      throw new IllegalStateException("remember() must be called before start()");
    }
    remember = duration;
  }

  public void addStreamingListener(StreamingListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Stops this context gracefully once {@code marker} is deleted (the marker-file pattern): the
   * watcher checks for it once per batch interval of the context's clock, from {@link #start()} on.
   * {@code marker} is a Hadoop URI ({@code hdfs://nn/jobs/wordcount.running}) or a {@code file:} URI.
   *
   * @throws IllegalArgumentException if the marker does not exist now
   * @throws IllegalStateException if the context has stopped, or already watches a marker
   */
  public synchronized void stopOnMarkerRemoval(URI marker) {
    if (state == StreamingContextState.STOPPED) {
      throw new IllegalStateException("The StreamingContext has been stopped; there is nothing to stop on " + marker);
    }
    if (markerWatcher != null) {
      throw new IllegalStateException("The StreamingContext already stops on the removal of a marker file");
    }
    markerWatcher = new MarkerFileWatcher(this, marker);
    if (state == StreamingContextState.ACTIVE) {
      markerWatcher.start();
    }
  }

  /** As {@link #stopOnMarkerRemoval(URI)}, for a file of the local filesystem. */
  public void stopOnMarkerRemoval(Path marker) {
    stopOnMarkerRemoval(marker.toAbsolutePath().toUri());
  }

  /**
   * @throws IllegalStateException if the context is already started or stopped, or has no output, or
   *     has the write-ahead log on without a checkpoint directory
   * @throws io.tidemark.checkpoint.CheckpointException if another instance owns the checkpoint directory
   */
  public synchronized void start() {
    switch (state) {
      case ACTIVE -> throw new IllegalStateException("The StreamingContext has already been started");
      case STOPPED -> throw new IllegalStateException(
          "The StreamingContext has been stopped and cannot be started again: create a new one");
      default -> { }
    }
    if (checkpointOptions.writeAheadLog() && checkpointed == null) {
      throw new IllegalStateException("The write-ahead log (" + WAL_ENABLED + ") is kept in the checkpoint directory:"
          + " create the context with StreamingContext.getOrCreate, or turn the log off");
    }
    run = PipelineRun.start(plan, engine, clock, listeners, remember, checkpointed, config, statusOptions,
        () -> state().name());
    state = StreamingContextState.ACTIVE;
    if (stopGracefullyOnShutdown == null ? checkpointed != null : stopGracefullyOnShutdown) {
      shutdownHook = new GracefulShutdownHook(this, gracefulShutdownTimeout);
      shutdownHook.install();
    }
    if (markerWatcher != null) {
      markerWatcher.start();
    }
  }

  /** Blocks until the context is stopped, or a batch fails ({@link StreamingException}). */
  public void awaitTermination() throws InterruptedException {
    activeRun("awaitTermination").awaitTermination();
  }

  /** As {@link #awaitTermination()}, giving up after {@code timeout}; true if the context terminated. */
  public boolean awaitTerminationOrTimeout(Duration timeout) throws InterruptedException {
    return activeRun("awaitTerminationOrTimeout").awaitTermination(timeout);
  }

  private synchronized PipelineRun activeRun(String call) {
    if (run == null) {
      throw new IllegalStateException(call + "() needs a started StreamingContext");
    }
    return run;
  }

  /**
   * Stops the context; it cannot be restarted. {@code stopGracefully}: receivers stop, then the data
   * they received and every queued batch are processed, and (when checkpointing) a final checkpoint of
   * the state and metadata is written before this returns, so a restart recomputes nothing. Otherwise
   * queued batches are left to a restart to recompute. Either way the checkpoint directory is released.
   */
  public void stop(boolean stopGracefully) {
    PipelineRun running;
    synchronized (this) {
      if (state == StreamingContextState.STOPPED) {
        return;
      }
      running = run;
      state = StreamingContextState.STOPPED;
      if (shutdownHook != null) {
        shutdownHook.remove();
      }
      if (markerWatcher != null) {
        markerWatcher.stop();
      }
    }
    try {
      if (running != null) {
        running.stop(stopGracefully);
      } else if (checkpointed != null) {
        checkpointed.close(); // from getOrCreate, never started
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Where the status page is served while the context runs; empty when it is off ({@link StreamingContextBuilder#uiPort}). */
  public synchronized Optional<URI> statusPageUrl() {
    return run == null ? Optional.empty() : run.statusPageUrl();
  }

  /**
   * Stops without waiting for queued batches; also releases what a context from {@code getOrCreate}
   * that was never started holds.
   */
  @Override
  public void close() {
    stop(false);
  }
}
