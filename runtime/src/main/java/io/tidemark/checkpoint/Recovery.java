package io.tidemark.checkpoint;

import io.tidemark.engine.StatefulStage;
import io.tidemark.engine.StateSerializers;
import io.tidemark.engine.StreamGraph;
import io.tidemark.schema.CheckpointFormatException;
import io.tidemark.schema.PipelineCompatibility;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PipelineReport;
import io.tidemark.schema.StageDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the checkpoint to take up and restores its state into the current graph: the newest metadata
 * file that reads and whose state files are intact (damaged ones are skipped with a warning naming
 * them), checked against the current descriptor first (incompatible: refused, with the report). Reads
 * only; nothing in the directory changes.
 */
final class Recovery {

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private Recovery() {}

  /**
   * The metadata of the checkpoint recovered from, its state restored into {@code graph}'s stages.
   *
   * @throws IncompatibleCheckpointException if the current code cannot read the checkpoint
   * @throws CheckpointException if no metadata file (with its state) is intact
   */
  static CheckpointMetadata restore(CheckpointStore store, StreamGraph graph, PipelineDescriptor current) {
    List<String> problems = new ArrayList<>();
    List<Long> times = new ArrayList<>(store.metadataTimes());
    Collections.reverse(times);
    for (long time : times) {
      Path file = store.metadataFile(time);
      CheckpointMetadata metadata;
      try {
        metadata = MetadataJson.read(store.read(file));
      } catch (IllegalArgumentException e) {
        skip(problems, file + " is damaged (" + e.getMessage() + ")");
        continue;
      }
      PipelineReport report = PipelineCompatibility.check(metadata.pipeline(), current);
      if (!report.isCompatible()) {
        throw new IncompatibleCheckpointException(file.toString(), metadata.pipeline().name(), report);
      }
      List<Runnable> restores = new ArrayList<>();
      try {
        for (StatefulStage<?, ?> stage : graph.statefulStages()) {
          readState(store, metadata, current, stage).ifPresent(restores::add);
        }
      } catch (DamagedStateException e) {
        skip(problems, "the state of " + file + " is damaged: " + e.getMessage());
        continue;
      }
      restores.forEach(Runnable::run);
      LOG.info("Recovering from {} (batch {}, state of batch {}): {}", file, metadata.batchTime(),
          metadata.stateTime().isPresent() ? metadata.stateTime().getAsLong() : "none", report.verdict());
      return metadata;
    }
    throw new CheckpointException("No intact checkpoint in " + store.location() + ": " + String.join("; ", problems)
        + ". Nothing was changed. Restore the damaged files from a backup, or start with a new checkpoint directory"
        + " (the checkpointed state, source positions and pending batches are then lost)");
  }

  private static void skip(List<String> problems, String problem) {
    LOG.warn("Skipping a checkpoint: {}; trying the previous one", problem);
    problems.add(problem);
  }

  /**
   * Reads the checkpointed state {@code stage} takes over, into a restore to run once every stage's
   * state has read intact; empty when the checkpoint holds none for it (a new stage starts empty).
   */
  private static <K, V> Optional<Runnable> readState(CheckpointStore store, CheckpointMetadata metadata,
      PipelineDescriptor current, StatefulStage<K, V> stage) {
    StageDescriptor described = current.stage(stage.id()).orElseThrow();
    Optional<StageDescriptor> predecessor = PipelineCompatibility.predecessor(described, metadata.pipeline());
    if (predecessor.isEmpty() || metadata.stateTime().isEmpty()) {
      return Optional.empty();
    }
    long stateTime = metadata.stateTime().getAsLong();
    // until the first data checkpoint after a rename, the state is still filed under a former id
    List<String> candidates = new ArrayList<>(List.of(predecessor.get().id()));
    candidates.addAll(described.formerIds());
    String directoryId = candidates.stream().filter(id -> store.exists(store.stateDirectory(id, stateTime)))
        .findFirst().orElseThrow(() -> new DamagedStateException("the state directory "
            + store.stateDirectory(predecessor.get().id(), stateTime) + " is missing"));
    StateSerializers<K, V> serializers = stage.serializers().orElseThrow();
    List<StateFile.Entry<K, V>> entries = new ArrayList<>();
    for (Path part : store.stateFiles(directoryId, stateTime)) {
      try {
        entries.addAll(StateFile.read(store.read(part), serializers, metadata.schemas()::get));
      } catch (CheckpointFormatException e) {
        throw new DamagedStateException(part + " " + e.getMessage());
      }
    }
    return Optional.of(() -> entries.forEach(entry -> stage.restoreEntry(entry.key(), entry.value(), entry.time())));
  }

  /** A state file of a checkpoint cannot be read: that checkpoint is skipped. */
  private static final class DamagedStateException extends RuntimeException {

    DamagedStateException(String message) {
      super(message);
    }
  }
}
