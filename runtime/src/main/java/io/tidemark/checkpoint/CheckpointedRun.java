package io.tidemark.checkpoint;

import io.tidemark.engine.CheckpointHook;
import io.tidemark.engine.Resume;
import io.tidemark.engine.StatefulStage;
import io.tidemark.engine.StreamGraph;
import io.tidemark.schema.PipelineCompatibility;
import io.tidemark.schema.PipelineDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's checkpoint directory, from {@code getOrCreate} to {@code stop}: read (and, when it holds
 * a checkpoint, recovered into the graph) before the context starts, owned and written while it runs,
 * released when it stops. Its filesystem is open only while the context runs (and while recovering),
 * so a context that is never started holds nothing to close.
 */
public final class CheckpointedRun implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointedRun.class);
  private static final String TOOLKIT_VERSION = readToolkitVersion();

  private final String directory;
  private final Configuration conf;
  private final StreamGraph graph;
  private final PipelineDescriptor descriptor;
  private final Map<String, String> config;
  private final CheckpointOptions options;
  private final CheckpointMetadata recovered;
  private final CheckpointStatistics statistics;
  private CheckpointStore store;
  private CheckpointLock lock;
  private Checkpointer checkpointer;

  private CheckpointedRun(String directory, Configuration conf, StreamGraph graph, PipelineDescriptor descriptor,
      Map<String, String> config, CheckpointOptions options, CheckpointMetadata recovered, String location) {
    this.directory = directory;
    this.conf = conf;
    this.graph = graph;
    this.descriptor = descriptor;
    this.config = config;
    this.options = options;
    this.recovered = recovered;
    this.statistics = new CheckpointStatistics(location, recovered == null ? null
        : new CheckpointStatistics.Recovered(recovered.batchTime(), recovered.toolkitVersion(), recovered.stateTime(),
            PipelineCompatibility.check(recovered.pipeline(), descriptor)));
  }

  /**
   * Opens {@code directory} for the pipeline of {@code graph}: refuses it while another instance owns
   * it; when it holds a checkpoint, checks it against {@code descriptor} and restores its state into
   * the graph's stages. Writes nothing.
   *
   * @throws IncompatibleCheckpointException if the current code cannot read the checkpoint
   * @throws CheckpointException if the directory cannot be used (the message says why and what to do)
   */
  public static CheckpointedRun open(String directory, Configuration conf, StreamGraph graph,
      PipelineDescriptor descriptor, Map<String, String> config, CheckpointOptions options) {
    for (StatefulStage<?, ?> stage : graph.statefulStages()) {
      if (stage.serializers().isEmpty()) {
        throw new IllegalStateException("Stateful stage '" + stage.id() + "' has no serializers, so its state cannot be"
            + " checkpointed: pass the key and state serializers to the stateful operation");
      }
    }
    try (CheckpointStore store = CheckpointStore.open(directory, conf)) {
      CheckpointLock.checkFree(store, options.lockLease());
      CheckpointMetadata recovered = null;
      if (store.metadataTimes().isEmpty()) {
        LOG.info("No checkpoint in {}: creating new context", store.location());
      } else {
        recovered = Recovery.restore(store, graph, descriptor);
      }
      return new CheckpointedRun(directory, conf, graph, descriptor, config, options, recovered, store.location());
    }
  }

  /** Where the scheduler takes up the recovered run; empty on a fresh start. */
  public Optional<Resume> resume() {
    return Optional.ofNullable(recovered).map(m -> new Resume(m.zeroTime(),
        m.stateTime().orElse(Long.MIN_VALUE), m.recompute(), m.pending(), m.positions()));
  }

  /**
   * Takes ownership of the directory; the hook writes the checkpoints of every batch from now on.
   *
   * @throws CheckpointException if another instance owns the directory (nothing is held then)
   */
  public CheckpointHook start() {
    store = CheckpointStore.open(directory, conf);
    try {
      lock = CheckpointLock.acquire(store, options.lockLease(), statistics);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    checkpointer = new Checkpointer(store, graph, descriptor, config, options, TOOLKIT_VERSION, recovered, statistics);
    return checkpointer;
  }

  /** What the directory holds and what writing it costs, for the status page and metrics; read-only. */
  public CheckpointStatistics statistics() {
    return statistics;
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
