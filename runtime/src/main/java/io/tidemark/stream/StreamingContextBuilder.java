package io.tidemark.stream;

import io.tidemark.function.Clock;
import io.tidemark.function.Durations;
import io.tidemark.internal.checkpoint.CheckpointOptions;
import io.tidemark.internal.plan.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Options of a context; only the batch interval is required. */
public final class StreamingContextBuilder {
  final Duration batchInterval;
  String name = "pipeline";
  String engine = System.getProperty(StreamingContext.ENGINE_PROPERTY, Engine.LOCAL);
  Clock clock = Clock.system();
  int parallelism = Runtime.getRuntime().availableProcessors();
  final Map<String, String> config = new LinkedHashMap<>();
  Duration checkpointInterval;
  int retainedCheckpoints = CheckpointOptions.DEFAULT_RETAINED_METADATA;
  Duration checkpointLockLease = CheckpointOptions.DEFAULT_LOCK_LEASE;
  final Map<String, String> formerIds = new LinkedHashMap<>();
  final List<String> droppedStages = new ArrayList<>();
  Boolean stopGracefullyOnShutdown;
  Duration gracefulShutdownTimeout = StreamingContext.DEFAULT_GRACEFUL_SHUTDOWN_TIMEOUT;
  String uiUser;
  String uiPassword;
  String uiToken;

  StreamingContextBuilder(Duration batchInterval) {
    this.batchInterval = Objects.requireNonNull(batchInterval, "batchInterval");
  }

  /** The pipeline's name, as its descriptor and checkpoints record it (default {@code pipeline}). */
  public StreamingContextBuilder name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A pipeline name must not be blank");
    }
    this.name = name;
    return this;
  }

  /**
   * The engine that runs the pipeline's batches: {@value Engine#LOCAL} (threads in this JVM, the
   * default unless the system property {@value StreamingContext#ENGINE_PROPERTY} names another), or
   * one on the class path, e.g. {@code spark} with {@code tidemark-spark}.
   *
   * @throws IllegalArgumentException if no engine of that name is on the class path
   */
  public StreamingContextBuilder engine(String name) {
    Engine.named(name); // fails now, naming the engines there are, rather than at start()
    this.engine = name;
    return this;
  }

  /** The time source batches are generated on; tests pass a {@code ManualClock}. */
  public StreamingContextBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Worker threads, and partitions of every stage (default: available cores). */
  public StreamingContextBuilder parallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    return this;
  }

  /** A configuration entry the pipeline's sources and sinks may read. */
  public StreamingContextBuilder config(String key, String value) {
    config.put(key, value);
    return this;
  }

  /**
   * How often stateful stages' state is checkpointed, when the context checkpoints ({@link
   * StreamingContext#getOrCreate}): a multiple of the batch interval; default the smallest one of at least 10 s.
   */
  public StreamingContextBuilder checkpointInterval(Duration interval) {
    this.checkpointInterval = Objects.requireNonNull(interval, "interval");
    return this;
  }

  /** How many of the newest metadata checkpoints are kept, with the state they need (default 3, at least 2). */
  public StreamingContextBuilder checkpointRetention(int metadataFiles) {
    this.retainedCheckpoints = metadataFiles;
    return this;
  }

  /**
   * How long the checkpoint directory stays owned without a heartbeat (default 30 s): after a crash, a
   * restart within the lease is refused, a later one takes the directory over.
   */
  public StreamingContextBuilder checkpointLockLease(Duration lease) {
    this.checkpointLockLease = Objects.requireNonNull(lease, "lease");
    return this;
  }

  /**
   * Whether receivers write each received block to a write-ahead log in the checkpoint directory, and
   * flush it, before counting it as received (default off; the configuration entry {@value
   * StreamingContext#WAL_ENABLED}). With it on, a crash loses no record that was reported received: batches that
   * were pending and blocks not yet in a batch are read back from the log on restart. Needs a
   * checkpoint directory ({@link StreamingContext#getOrCreate}).
   */
  public StreamingContextBuilder writeAheadLog(boolean on) {
    config.put(StreamingContext.WAL_ENABLED, Boolean.toString(on));
    return this;
  }

  /**
   * Whether a JVM shutdown (SIGTERM, Ctrl-C, {@code System.exit}) stops the running context
   * gracefully: received data processed, final checkpoint written. Default: on for contexts from
   * {@link StreamingContext#getOrCreate}, off for others.
   */
  public StreamingContextBuilder stopGracefullyOnShutdown(boolean on) {
    this.stopGracefullyOnShutdown = on;
    return this;
  }

  /** How long a graceful stop on JVM shutdown may take before the JVM exits anyway (default 30 s). */
  public StreamingContextBuilder gracefulShutdownTimeout(Duration timeout) {
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
  public StreamingContextBuilder renamedStage(String formerId, String id) {
    formerIds.put(formerId, id);
    return this;
  }

  /** Declares that a checkpoint's stateful stage {@code id} was removed on purpose: its state is discarded. */
  public StreamingContextBuilder droppedStage(String id) {
    droppedStages.add(id);
    return this;
  }

  /**
   * Serves the status page, its JSON API and Prometheus metrics (and the metrics in JMX) while the
   * context runs, on {@code port} or, if it is taken, the next free one of the 16 after it; {@code 0}
   * (the default of a context built in code) turns it off. The configuration entry {@code ui.port}; the
   * launcher and the plugin serve it on 4040 by default. See {@link StreamingContext#statusPageUrl()}.
   */
  public StreamingContextBuilder uiPort(int port) {
    return config(StreamingContext.UI_PORT, Integer.toString(port));
  }

  /**
   * The address the status page is bound to (default {@code 127.0.0.1}: this machine only); {@code
   * 0.0.0.0} for every interface, then best with credentials. The configuration entry {@code ui.host}.
   */
  public StreamingContextBuilder uiBindAddress(String host) {
    return config(StreamingContext.UI_HOST, host);
  }

  /**
   * Requires HTTP basic authentication with these credentials on every request for the status page's data
   * and metrics. Never part of the configuration (which is checkpointed); the launcher takes them from
   * the environment ({@code TIDEMARK_UI_USER}, {@code TIDEMARK_UI_PASSWORD}).
   */
  public StreamingContextBuilder uiBasicAuth(String user, String password) {
    this.uiUser = Objects.requireNonNull(user, "user");
    this.uiPassword = Objects.requireNonNull(password, "password");
    return this;
  }

  /**
   * Requires {@code Authorization: Bearer <token>} on every request for the status page's data and
   * metrics (the page takes the token from its address: {@code http://host:4040/#token=<token>}). The
   * launcher takes it from the environment ({@code TIDEMARK_UI_TOKEN}).
   */
  public StreamingContextBuilder uiBearerToken(String token) {
    this.uiToken = Objects.requireNonNull(token, "token");
    return this;
  }

  /** @throws IllegalArgumentException if the checkpoint options do not fit the batch interval */
  public StreamingContext build() {
    return new StreamingContext(this);
  }
}
