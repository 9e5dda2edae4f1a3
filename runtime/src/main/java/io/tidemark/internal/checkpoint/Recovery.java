package io.tidemark.internal.checkpoint;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.checkpoint.IncompatibleCheckpointException;
import io.tidemark.schema.CheckpointFormatException;
import io.tidemark.schema.PipelineCompatibility;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PipelineReport;
import io.tidemark.schema.StageDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the checkpoint to take up and reads the state it holds for the current stages: the newest metadata
 * file that reads and whose state files are intact (damaged ones are skipped with a warning naming
 * them), checked against the current descriptor first (incompatible: refused, with the report). Reads
 * only; nothing in the directory changes.
 */
final class Recovery {

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private Recovery() {}

  /** A checkpoint to take up: its metadata, and the entries of each current stateful stage it holds state for. */
  record Recovered(CheckpointMetadata metadata, Map<String, List<StateFile.Entry<?, ?>>> state) {}

  /**
   * The checkpoint to recover from, with the state of {@code stateful}'s stages (by stage id, with the
   * serializers to read them) decoded.
   *
   * @throws IncompatibleCheckpointException if the current code cannot read the checkpoint
   * @throws CheckpointException if no metadata file (with its state) is intact
   */
  static Recovered read(CheckpointStore store, Map<String, StateSerializers<?, ?>> stateful,
      PipelineDescriptor current) {
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
      Map<String, List<StateFile.Entry<?, ?>>> state = new LinkedHashMap<>();
      try {
        stateful.forEach((stageId, serializers) ->
            readState(store, metadata, current, stageId, serializers).ifPresent(entries -> state.put(stageId, entries)));
      } catch (DamagedStateException e) {
        skip(problems, "the state of " + file + " is damaged: " + e.getMessage());
        continue;
      }
      LOG.info("Recovering from {} (batch {}, state of batch {}): {}", file, metadata.batchTime(),
          metadata.stateTime().isPresent() ? metadata.stateTime().getAsLong() : "none", report.verdict());
      return new Recovered(metadata, state);
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
   * The checkpointed state entries stage {@code stageId} takes over; empty when the checkpoint holds
   * none for it (a new stage starts empty).
   */
  private static <K, V> Optional<List<StateFile.Entry<?, ?>>> readState(CheckpointStore store,
      CheckpointMetadata metadata, PipelineDescriptor current, String stageId, StateSerializers<K, V> serializers) {
    StageDescriptor described = current.stage(stageId).orElseThrow();
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
    List<StateFile.Entry<?, ?>> entries = new ArrayList<>();
    for (Path part : store.stateFiles(directoryId, stateTime)) {
      try {
        entries.addAll(StateFile.read(store.read(part), serializers, metadata.schemas()::get));
      } catch (CheckpointFormatException e) {
        throw new DamagedStateException(part + " " + e.getMessage());
      }
    }
    return Optional.of(entries);
  }

  /** A state file of a checkpoint cannot be read: that checkpoint is skipped. */
  private static final class DamagedStateException extends RuntimeException {

    DamagedStateException(String message) {
      super(message);
    }
  }
}
