package io.tidemark.internal.checkpoint;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.checkpoint.IncompatibleCheckpointException;
import io.tidemark.schema.PipelineCompatibility;
import io.tidemark.schema.PipelineDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's checkpoint directory, from {@code getOrCreate} to {@code stop}: read (and, when it holds
 * a checkpoint, its state decoded for the current stages) before the context starts, owned and written
 * while it runs, released when it stops. Its filesystem is open only while the context runs (and while
 * recovering), so a context that is never started holds nothing to close.
 */
public final class CheckpointedRun implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointedRun.class);
  private static final String TOOLKIT_VERSION = readToolkitVersion();

  private final String directory;
  private final Configuration conf;
  private final PipelineDescriptor descriptor;
  private final Map<String, String> config;
  private final CheckpointOptions options;
  private Recovery.Recovered recovered;
  private final CheckpointStatistics statistics;
  private CheckpointStore store;
  private CheckpointLock lock;
  private Checkpointer checkpointer;

  private CheckpointedRun(String directory, Configuration conf, PipelineDescriptor descriptor,
      Map<String, String> config, CheckpointOptions options, Recovery.Recovered recovered, String location) {
    this.directory = directory;
    this.conf = conf;
    this.descriptor = descriptor;
    this.config = config;
    this.options = options;
    this.recovered = recovered;
    CheckpointMetadata metadata = recovered == null ? null : recovered.metadata();
    this.statistics = new CheckpointStatistics(location, metadata == null ? null
        : new CheckpointStatistics.Recovered(metadata.batchTime(), metadata.toolkitVersion(), metadata.stateTime(),
            PipelineCompatibility.check(metadata.pipeline(), descriptor)));
  }

  /**
   * Opens {@code directory} for the pipeline of {@code descriptor}: refuses it while another instance
   * owns it; when it holds a checkpoint, checks it against {@code descriptor} and reads the state of
   * the stateful stages (by id, with the serializers of their state; an empty {@code Optional}: the
   * stage has none and cannot be checkpointed). Writes nothing.
   *
   * @throws IncompatibleCheckpointException if the current code cannot read the checkpoint
   * @throws CheckpointException if the directory cannot be used (the message says why and what to do)
   */
  public static CheckpointedRun open(String directory, Configuration conf,
      Map<String, Optional<StateSerializers<?, ?>>> statefulStages, PipelineDescriptor descriptor,
      Map<String, String> config, CheckpointOptions options) {
    Map<String, StateSerializers<?, ?>> serializers = new LinkedHashMap<>();
    statefulStages.forEach((id, stageSerializers) -> serializers.put(id, stageSerializers.orElseThrow(
        () -> new IllegalStateException("Stateful stage '" + id + "' has no serializers, so its state cannot be"
            + " checkpointed: pass the key and state serializers to the stateful operation"))));
    try (CheckpointStore store = CheckpointStore.open(directory, conf)) {
      CheckpointLock.checkFree(store, options.lockLease());
      Recovery.Recovered recovered = null;
      if (store.metadataTimes().isEmpty()) {
        LOG.info("No checkpoint in {}: creating new context", store.location());
      } else {
        recovered = Recovery.read(store, serializers, descriptor);
      }
      return new CheckpointedRun(directory, conf, descriptor, config, options, recovered, store.location());
    }
  }

  /** Where the scheduler takes up the recovered run; empty on a fresh start. */
  public Optional<Resume> resume() {
    return Optional.ofNullable(recovered).map(Recovery.Recovered::metadata).map(m -> new Resume(m.zeroTime(),
        m.stateTime().orElse(Long.MIN_VALUE), m.recompute(), m.pending(), m.positions()));
  }

  /**
   * Takes ownership of the directory and restores the recovered state into {@code stageStates}; the
   * hook writes the checkpoints of every batch from now on.
   *
   * @param zeroTime the run's zero time (the recovered run's own, when resuming)
   * @param stageStates the engine's state of every stateful stage
   * @throws CheckpointException if another instance owns the directory (nothing is held then)
   */
  public CheckpointHook start(long zeroTime, List<StageState<?, ?>> stageStates, RecomputeHorizon horizon) {
    store = CheckpointStore.open(directory, conf);
    try {
      lock = CheckpointLock.acquire(store, options.lockLease(), statistics);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    CheckpointMetadata metadata = null;
    if (recovered != null) {
      for (StageState<?, ?> stage : stageStates) {
        restore(stage, recovered.state().getOrDefault(stage.id(), List.of()));
      }
      metadata = recovered.metadata();
      recovered = new Recovery.Recovered(metadata, Map.of()); // the entries live in the stages now
    }
    checkpointer = new Checkpointer(store, zeroTime, stageStates, horizon, descriptor, config, options,
        TOOLKIT_VERSION, metadata, statistics);
    return checkpointer;
  }

  /** What the directory holds and what writing it costs, for the status page and metrics; read-only. */
  public CheckpointStatistics statistics() {
    return statistics;
  }

  @SuppressWarnings("unchecked") // the entries were read with this stage's serializers
  private static <K, V> void restore(StageState<K, V> stage, List<StateFile.Entry<?, ?>> entries) {
    for (StateFile.Entry<?, ?> entry : entries) {
      StateFile.Entry<K, V> typed = (StateFile.Entry<K, V>) entry;
      stage.restoreEntry(typed.key(), typed.value(), typed.time());
    }
  }

  /** Releases the directory, if it was started; the checkpoints stay. */
  @Override
  public void close() {
    try {
      if (checkpointer != null) {
        checkpointer.close();
      }
    } finally {
      try {
        if (lock != null) {
          lock.close();
        }
      } finally {
        if (store != null) {
          store.close();
        }
        checkpointer = null;
        lock = null;
        store = null;
      }
    }
  }

  /** The version of Tidemark that is running, as every checkpoint it writes records it. */
  public static String toolkitVersion() {
    return TOOLKIT_VERSION;
  }

  private static String readToolkitVersion() {
    try (InputStream in = CheckpointedRun.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("The toolkit's version.properties is unreadable: a broken build", e);
    }
  }
}
