package io.tidemark.internal.checkpoint;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.schema.CheckpointFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * What a checkpoint directory holds, as far as it can be read: every metadata file (and why it is
 * unreadable, if it is), the newest one that reads, and the header of every state file. Made for
 * people and tools looking at a checkpoint ({@code tidemark:inspect}, the launcher's {@code inspect},
 * the plugin's check against a live checkpoint): a damaged file is described, never thrown.
 *
 * @param newest the newest metadata file that reads, which recovery would try first
 * @param problems every damaged file, one sentence each naming it, and a missing checkpoint
 */
public record CheckpointInspection(String location, List<MetadataFile> metadataFiles,
    Optional<CheckpointMetadata> newest, List<StateCheckpoint> state, List<String> problems) {

  public CheckpointInspection {
    metadataFiles = List.copyOf(metadataFiles);
    state = List.copyOf(state);
    problems = List.copyOf(problems);
  }

  /** A metadata file, with why it cannot be read if it cannot. */
  public record MetadataFile(String path, long batchTime, Optional<String> problem) {}

  /** A state file: its header, or why it cannot be read. */
  public record StatePart(String path, Optional<StateFileHeader> header, Optional<String> problem) {}

  /** One data checkpoint of one stage: its part files. */
  public record StateCheckpoint(String stageId, long stateTime, List<StatePart> parts) {

    public StateCheckpoint {
      parts = List.copyOf(parts);
    }

    /** The keys held by the readable parts. */
    public long keys() {
      return parts.stream().flatMap(part -> part.header().stream()).mapToLong(StateFileHeader::count).sum();
    }

    /** The size of the readable parts. */
    public long bytes() {
      return parts.stream().flatMap(part -> part.header().stream()).mapToLong(StateFileHeader::size).sum();
    }
  }

  /** Whether the checkpoint holds metadata and every file of it reads. */
  public boolean isIntact() {
    return problems.isEmpty();
  }

  /** Reads everything in {@code store}'s directory; changes nothing. */
  public static CheckpointInspection of(CheckpointStore store) {
    List<String> problems = new ArrayList<>();
    List<MetadataFile> metadataFiles = new ArrayList<>();
    CheckpointMetadata newest = null;
    List<Long> times = new ArrayList<>(store.metadataTimes());
    Collections.reverse(times);
    for (long time : times) {
      Path file = store.metadataFile(time);
      try {
        CheckpointMetadata metadata = MetadataJson.read(store.read(file));
        newest = newest == null ? metadata : newest;
        metadataFiles.add(new MetadataFile(file.toString(), time, Optional.empty()));
      } catch (IllegalArgumentException | CheckpointException e) {
        String problem = "metadata file " + file + " is damaged: " + e.getMessage();
        problems.add(problem);
        metadataFiles.add(new MetadataFile(file.toString(), time, Optional.of(e.getMessage())));
      }
    }
    if (times.isEmpty()) {
      problems.add("no metadata file in " + store.location() + "/metadata: not a checkpoint directory, or nothing"
          + " was checkpointed yet");
    } else if (newest == null) {
      problems.add("no metadata file of " + store.location() + " reads: a restart would fail");
    }
    List<StateCheckpoint> state = new ArrayList<>();
    for (String stageId : store.stateStages()) {
      for (long stateTime : store.stateTimes(stageId)) {
        state.add(new StateCheckpoint(stageId, stateTime, parts(store, stageId, stateTime, problems)));
      }
    }
    return new CheckpointInspection(store.location(), metadataFiles, Optional.ofNullable(newest), state, problems);
  }

  private static List<StatePart> parts(CheckpointStore store, String stageId, long stateTime, List<String> problems) {
    List<StatePart> parts = new ArrayList<>();
    for (Path file : store.stateFiles(stageId, stateTime)) {
      try {
        parts.add(new StatePart(file.toString(), Optional.of(StateFileHeader.read(store.read(file))), Optional.empty()));
      } catch (CheckpointFormatException | CheckpointException e) {
        problems.add("state file " + file + " is damaged: " + e.getMessage());
        parts.add(new StatePart(file.toString(), Optional.empty(), Optional.of(e.getMessage())));
      }
    }
    return parts;
  }
}
