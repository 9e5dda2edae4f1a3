package io.tidemark.stream;

import io.tidemark.engine.Clock;
import io.tidemark.engine.InputStage;
import io.tidemark.engine.JobScheduler;
import io.tidemark.engine.LoggingStreamingListener;
import io.tidemark.engine.StreamGraph;
import io.tidemark.engine.SystemClock;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.source.DirectorySource;
import io.tidemark.source.QueueSource;
import io.tidemark.source.SocketTextSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The entry point of a pipeline: create the input streams, derive streams from them, register outputs,
 * then {@link #start()}. Batches are generated every batch interval on the context's {@link Clock}.
 *
 * <p>Lifecycle as in Spark Streaming: a context starts once; no stage can be added after {@link
 * #start()}; a stopped context cannot be restarted.
 */
public final class StreamingContext implements AutoCloseable {

  private final String name;
  private final StreamGraph graph;
  private final Duration batchInterval;
  private final Clock clock;
  private final Map<String, String> config;
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
    this.graph = new StreamGraph(batchInterval, builder.parallelism);
    listeners.add(new LoggingStreamingListener());
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
   * @throws IllegalStateException if the context is already started or stopped, or has no output
   */
  public synchronized void start() {
    switch (state) {
      case ACTIVE -> throw new IllegalStateException("The StreamingContext has already been started");
      case STOPPED -> throw new IllegalStateException(
          "The StreamingContext has been stopped and cannot be started again: create a new one");
      default -> { }
    }
    JobScheduler starting = new JobScheduler(graph, clock, listeners, remember.toMillis());
    starting.start();
    scheduler = starting;
    state = StreamingContextState.ACTIVE;
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
   * they received and every queued batch are processed before this returns.
   */
  public void stop(boolean stopGracefully) {
    JobScheduler running;
    synchronized (this) {
      if (state == StreamingContextState.STOPPED) {
        return;
      }
      running = scheduler;
      state = StreamingContextState.STOPPED;
    }
    if (running != null) {
      try {
        running.stop(stopGracefully);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops without waiting for queued batches. */
  @Override
  public void close() {
    stop(false);
  }
}
