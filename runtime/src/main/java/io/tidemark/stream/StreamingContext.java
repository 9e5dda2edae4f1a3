package io.tidemark.stream;

import io.tidemark.checkpoint.CheckpointOptions;
import io.tidemark.checkpoint.CheckpointedRun;
import io.tidemark.engine.CheckpointHook;
import io.tidemark.engine.Clock;
import io.tidemark.engine.InputStage;
import io.tidemark.engine.JobScheduler;
import io.tidemark.engine.LoggingStreamingListener;
import io.tidemark.engine.StreamGraph;
import io.tidemark.engine.SystemClock;
import io.tidemark.internal.status.LocalPipelineStatus;
import io.tidemark.internal.status.StatusOptions;
import io.tidemark.internal.status.StatusPage;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.source.DirectorySource;
import io.tidemark.source.KafkaSource;
import io.tidemark.source.KafkaSourceOptions;
import io.tidemark.source.KafkaSubscription;
import io.tidemark.source.QueueSource;
import io.tidemark.source.SocketTextSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
   * Builder#writeAheadLog}.
   */
  public static final String WAL_ENABLED = "wal.enabled";
  /** How long a graceful stop on JVM shutdown may take by default. */
  public static final Duration DEFAULT_GRACEFUL_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final StreamGraph graph;
  private final Duration batchInterval;
  private final Clock clock;
  private final Map<String, String> config;
  private final CheckpointOptions checkpointOptions;
  private final Boolean stopGracefullyOnShutdown;
  private final Duration gracefulShutdownTimeout;
  private CheckpointedRun checkpointed;
  private final StatusOptions statusOptions;
  private StatusPage statusPage;
  private GracefulShutdownHook shutdownHook;
  private MarkerFileWatcher markerWatcher;
  private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
  private Duration remember = Duration.ZERO;
  private StreamingContextState state = StreamingContextState.INITIALIZED;
  private JobScheduler scheduler;

  /** A context on the system clock with one partition per available core. */
  public StreamingContext(Duration batchInterval) {
    this(builder(batchInterval));
  }

  private StreamingContext(Builder builder) {
    this.name = builder.name;
    this.batchInterval = builder.batchInterval;
    this.clock = builder.clock;
    this.config = Map.copyOf(builder.config);
    this.checkpointOptions = CheckpointOptions.of(builder.checkpointInterval, builder.retainedCheckpoints,
        builder.checkpointLockLease, batchInterval).withWriteAheadLog(flag(config, WAL_ENABLED));
    this.stopGracefullyOnShutdown = builder.stopGracefullyOnShutdown;
    this.gracefulShutdownTimeout = builder.gracefulShutdownTimeout;
    this.statusOptions = StatusOptions.of(config, builder.uiUser, builder.uiPassword, builder.uiToken, System.getenv());
    this.graph = new StreamGraph(batchInterval, builder.parallelism);
    builder.formerIds.forEach((formerId, id) -> graph.declareRenamed(formerId, id));
    builder.droppedStages.forEach(graph::declareDropped);
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
    context.checkpointed = CheckpointedRun.open(checkpointDirectory, hadoopConf, context.graph, context.descriptor(),
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

  public static Builder builder(Duration batchInterval) {
    return new Builder(batchInterval);
  }

  /** Options of a context; only the batch interval is required. */
  public static final class Builder {
    private final Duration batchInterval;
    private String name = "pipeline";
    private Clock clock = new SystemClock();
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private final Map<String, String> config = new LinkedHashMap<>();
    private Duration checkpointInterval;
    private int retainedCheckpoints = CheckpointOptions.DEFAULT_RETAINED_METADATA;
    private Duration checkpointLockLease = CheckpointOptions.DEFAULT_LOCK_LEASE;
    private final Map<String, String> formerIds = new LinkedHashMap<>();
    private final List<String> droppedStages = new ArrayList<>();
    private Boolean stopGracefullyOnShutdown;
    private Duration gracefulShutdownTimeout = DEFAULT_GRACEFUL_SHUTDOWN_TIMEOUT;
    private String uiUser;
    private String uiPassword;
    private String uiToken;

    private Builder(Duration batchInterval) {
      this.batchInterval = Objects.requireNonNull(batchInterval, "batchInterval");
    }

    /** The pipeline's name, as its descriptor and checkpoints record it (default {@code pipeline}). */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("A pipeline name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** The time source batches are generated on; tests pass a {@code ManualClock}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Worker threads, and partitions of every stage (default: available cores). */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** A configuration entry the pipeline's sources and sinks may read. */
    public Builder config(String key, String value) {
      config.put(key, value);
      return this;
    }

    /**
     * How often stateful stages' state is checkpointed, when the context checkpoints ({@link
     * #getOrCreate}): a multiple of the batch interval; default the smallest one of at least 10 s.
     */
    public Builder checkpointInterval(Duration interval) {
      this.checkpointInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** How many of the newest metadata checkpoints are kept, with the state they need (default 3, at least 2). */
    public Builder checkpointRetention(int metadataFiles) {
      this.retainedCheckpoints = metadataFiles;
      return this;
    }

    /**
     * How long the checkpoint directory stays owned without a heartbeat (default 30 s): after a crash, a
     * restart within the lease is refused, a later one takes the directory over.
     */
    public Builder checkpointLockLease(Duration lease) {
      this.checkpointLockLease = Objects.requireNonNull(lease, "lease");
      return this;
    }

    /**
     * Whether receivers write each received block to a write-ahead log in the checkpoint directory, and
     * flush it, before counting it as received (default off; the configuration entry {@value
     * #WAL_ENABLED}). With it on, a crash loses no record that was reported received: batches that
     * were pending and blocks not yet in a batch are read back from the log on restart. Needs a
     * checkpoint directory ({@link #getOrCreate}).
     */
    public Builder writeAheadLog(boolean on) {
      config.put(WAL_ENABLED, Boolean.toString(on));
      return this;
    }

    /**
     * Whether a JVM shutdown (SIGTERM, Ctrl-C, {@code System.exit}) stops the running context
     * gracefully: received data processed, final checkpoint written. Default: on for contexts from
     * {@link #getOrCreate}, off for others.
     */
    public Builder stopGracefullyOnShutdown(boolean on) {
      this.stopGracefullyOnShutdown = on;
      return this;
    }

    /** How long a graceful stop on JVM shutdown may take before the JVM exits anyway (default 30 s). */
    public Builder gracefulShutdownTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("The graceful shutdown timeout must be positive, got "
            + Durations.format(timeout));
      }
      this.gracefulShutdownTimeout = timeout;
      return this;
    }

    /**
     * Declares that stateful stage {@code id} was called {@code formerId}: it takes over that stage's
     * checkpointed state.
     */
    public Builder renamedStage(String formerId, String id) {
      formerIds.put(formerId, id);
      return this;
    }

    /** Declares that a checkpoint's stateful stage {@code id} was removed on purpose: its state is discarded. */
    public Builder droppedStage(String id) {
      droppedStages.add(id);
      return this;
    }

    /**
     * Serves the status page, its JSON API and Prometheus metrics (and the metrics in JMX) while the
     * context runs, on {@code port} or, if it is taken, the next free one of the 16 after it; {@code 0}
     * (the default of a context built in code) turns it off. The configuration entry {@value
     * StatusOptions#PORT}; the launcher and the plugin serve it on 4040 by default. See {@link
     * StreamingContext#statusPageUrl()}.
     */
    public Builder uiPort(int port) {
      return config(StatusOptions.PORT, Integer.toString(port));
    }

    /**
     * The address the status page is bound to (default {@code 127.0.0.1}: this machine only); {@code
     * 0.0.0.0} for every interface, then best with credentials. The configuration entry {@value
     * StatusOptions#HOST}.
     */
    public Builder uiBindAddress(String host) {
      return config(StatusOptions.HOST, host);
    }

    /**
     * Requires HTTP basic authentication with these credentials on every request for the status page's data
     * and metrics. Never part of the configuration (which is checkpointed); the launcher takes them from
     * the environment ({@value StatusOptions#USER_VARIABLE}, {@value StatusOptions#PASSWORD_VARIABLE}).
     */
    public Builder uiBasicAuth(String user, String password) {
      this.uiUser = Objects.requireNonNull(user, "user");
      this.uiPassword = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every request for the status page's data and
     * metrics (the page takes the token from its address: {@code http://host:4040/#token=<token>}). The
     * launcher takes it from the environment ({@value StatusOptions#TOKEN_VARIABLE}).
     */
    public Builder uiBearerToken(String token) {
      this.uiToken = Objects.requireNonNull(token, "token");
      return this;
    }

    /** @throws IllegalArgumentException if the checkpoint options do not fit the batch interval */
    public StreamingContext build() {
      return new StreamingContext(this);
    }
  }

  public String name() {
    return name;
  }

  /**
   * The pipeline descriptor of the stages and outputs defined so far: what a checkpoint records and
   * what an upgraded pipeline is checked against.
   */
  public PipelineDescriptor descriptor() {
    return graph.descriptor(name);
  }

  public Duration batchInterval() {
    return batchInterval;
  }

  public Clock clock() {
    return clock;
  }

  public int parallelism() {
    return graph.parallelism();
  }

  public Map<String, String> config() {
    return config;
  }

  public synchronized StreamingContextState state() {
    return state;
  }

  StreamGraph graph() {
    return graph;
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

  private <T> DStream<T> input(io.tidemark.source.InputSource<T, ?> source) {
    return new DStream<>(this, graph.add(new InputStage<>(graph, source)));
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
    CheckpointHook checkpoints = checkpointed == null ? null : checkpointed.start();
    JobScheduler starting = new JobScheduler(graph, clock, listeners, remember.toMillis(), checkpoints);
    try {
      statusPage = StatusPage.start(statusOptions, new LocalPipelineStatus(name, graph, descriptor(), config, clock,
          listeners::add, starting, checkpointed, () -> state().name())).orElse(null);
      starting.start(checkpointed == null ? null : checkpointed.resume().orElse(null));
    } catch (RuntimeException e) {
      closeStatusPage();
      closeCheckpoint();
      throw e;
    }
    scheduler = starting;
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
    activeScheduler("awaitTermination").awaitTermination();
  }

  /** As {@link #awaitTermination()}, giving up after {@code timeout}; true if the context terminated. */
  public boolean awaitTerminationOrTimeout(Duration timeout) throws InterruptedException {
    return activeScheduler("awaitTerminationOrTimeout").awaitTermination(timeout);
  }

  private synchronized JobScheduler activeScheduler(String call) {
    if (scheduler == null) {
      throw new IllegalStateException(call + "() needs a started StreamingContext");
    }
    return scheduler;
  }

  /**
   * Stops the context; it cannot be restarted. {@code stopGracefully}: receivers stop, then the data
   * they received and every queued batch are processed, and (when checkpointing) a final checkpoint of
   * the state and metadata is written before this returns, so a restart recomputes nothing. Otherwise
   * queued batches are left to a restart to recompute. Either way the checkpoint directory is released.
   */
  public void stop(boolean stopGracefully) {
    JobScheduler running;
    synchronized (this) {
      if (state == StreamingContextState.STOPPED) {
        return;
      }
      running = scheduler;
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
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeStatusPage();
      closeCheckpoint(); // a source or sink failing to stop must not keep the directory locked
    }
  }

  /** Where the status page is served while the context runs; empty when it is off ({@link Builder#uiPort}). */
  public synchronized Optional<URI> statusPageUrl() {
    return Optional.ofNullable(statusPage).map(StatusPage::url);
  }

  private void closeStatusPage() {
    StatusPage page;
    synchronized (this) {
      page = statusPage;
      statusPage = null;
    }
    if (page != null) {
      page.close(); // not holding the context: a request being answered may be asking for its state
    }
  }

  private void closeCheckpoint() {
    if (checkpointed != null) {
      checkpointed.close();
    }
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
