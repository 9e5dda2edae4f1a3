package io.tidemark.checkpoint;

import io.tidemark.engine.CheckpointHook;
import io.tidemark.engine.GeneratedBatch;
import io.tidemark.engine.StatefulStage;
import io.tidemark.engine.StateSerializers;
import io.tidemark.engine.StreamGraph;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Writes a running pipeline's checkpoints: the metadata of every batch before its outputs run and again
 * when it completes; the state of every stateful stage after each batch at a multiple of the checkpoint
 * interval (then referenced by the completion's metadata, or later, when a window downstream of the
 * state needs an older state to be refilled from); and retention, deleting what no kept metadata file
 * needs. Runs on the job runner thread, between batches' stage work.
 */
final class Checkpointer implements CheckpointHook {

  private final CheckpointStore store;
  private final StreamGraph graph;
  private final PipelineDescriptor descriptor;
  private final Map<String, String> config;
  private final CheckpointOptions options;
  private final String toolkitVersion;
  /** Completed batches a restart would recompute: after the state, or inside a stateless window. */
  private final List<GeneratedBatch> recomputable;
  /** The data checkpoints that metadata may still reference, by state time, each with its state schemas. */
  private final TreeMap<Long, Map<Long, Schema>> states = new TreeMap<>();
  /** The state time each metadata file references, by its batch time, as far as known. */
  private final Map<Long, OptionalLong> referencedState = new HashMap<>();
  private OptionalLong lastCompleted;
  /** The data checkpoint the metadata references: the one a recovery restores. */
  private OptionalLong stateTime;
  private long deletedStateBefore = Long.MIN_VALUE;

  /** Continues from {@code recovered}, or starts afresh when it is null. */
  Checkpointer(CheckpointStore store, StreamGraph graph, PipelineDescriptor descriptor, Map<String, String> config,
      CheckpointOptions options, String toolkitVersion, CheckpointMetadata recovered) {
    this.store = store;
    this.graph = graph;
    this.descriptor = descriptor;
    this.config = config;
    this.options = options;
    this.toolkitVersion = toolkitVersion;
    this.recomputable = new ArrayList<>(recovered == null ? List.of() : recovered.recompute());
    this.lastCompleted = recovered == null ? OptionalLong.empty() : recovered.lastCompletedBatch();
    this.stateTime = recovered == null ? OptionalLong.empty() : recovered.stateTime();
    stateTime.ifPresent(time -> states.put(time, recovered.schemas()));
  }

  @Override
  public void beforeOutputs(GeneratedBatch batch, Planning planning) {
    writeMetadata(batch.timeMillis(), planning.pending(), planning);
  }

  @Override
  public void afterBatch(GeneratedBatch batch, Planning planning) {
    long time = batch.timeMillis();
    lastCompleted = OptionalLong.of(time);
    recomputable.add(batch);
    if ((time - graph.zeroTime()) % options.interval().toMillis() == 0) {
      writeState(time);
    }
    referenceState(time - graph.windowLengthAfterStateMillis());
    long windowStart = time - graph.longestStatelessWindowMillis();
    recomputable.removeIf(b -> b.timeMillis() <= stateTime.orElse(Long.MIN_VALUE) && b.timeMillis() <= windowStart);
    List<GeneratedBatch> stillPending = planning.pending().stream().filter(b -> b.timeMillis() != time).toList();
    writeMetadata(time, stillPending, planning);
    retain();
  }

  private void writeMetadata(long batchTime, List<GeneratedBatch> pending, Planning planning) {
    CheckpointMetadata metadata = new CheckpointMetadata(batchTime, toolkitVersion, descriptor, config,
        graph.zeroTime(), options.interval().toMillis(), lastCompleted, stateTime, planning.positions(), pending,
        recomputable, stateTime.isPresent() ? states.get(stateTime.getAsLong()) : Map.of());
    store.writeAtomically(store.metadataFile(batchTime), MetadataJson.write(metadata));
    referencedState.put(batchTime, stateTime);
  }

  /** Writes every stateful stage's state after the batch at {@code time}. */
  private void writeState(long time) {
    Map<Long, Schema> schemas = new LinkedHashMap<>();
    for (StatefulStage<?, ?> stage : graph.statefulStages()) {
      writeState(stage, time, schemas);
    }
    states.put(time, schemas);
  }

  /**
   * References the newest data checkpoint at or before {@code latest}, if any; older ones are no longer
   * needed by the metadata to come.
   */
  private void referenceState(long latest) {
    Long time = states.floorKey(latest);
    if (time != null) {
      stateTime = OptionalLong.of(time);
      states.headMap(time).clear();
    }
  }

  private <K, V> void writeState(StatefulStage<K, V> stage, long time, Map<Long, Schema> schemas) {
    StateSerializers<K, V> serializers = stage.serializers().orElseThrow();
    store.delete(store.stateDirectory(stage.id(), time)); // parts left by a crash, maybe at another parallelism
    for (int p = 0; p < graph.parallelism(); p++) {
      int partition = p;
      store.writeAtomically(store.stateFile(stage.id(), time, p),
          StateFile.write(serializers, entries -> stage.forEachEntry(partition, entries)));
    }
    schemas.put(serializers.keys().fingerprint(), serializers.keys().schema());
    schemas.put(serializers.values().fingerprint(), serializers.values().schema());
  }

  /**
   * Keeps the newest metadata files and the state they reference. State directories older than the
   * oldest state any kept file references are deleted, so a kept file never loses its state.
   */
  private void retain() {
    List<Long> times = store.metadataTimes();
    List<Long> kept = times.subList(Math.max(0, times.size() - options.retainedMetadata()), times.size());
    for (Long old : times.subList(0, times.size() - kept.size())) {
      store.delete(store.metadataFile(old));
      referencedState.remove(old);
    }
    long oldestNeeded = Long.MAX_VALUE;
    for (Long time : kept) {
      OptionalLong state = referencedState.computeIfAbsent(time, this::stateTimeOfFile);
      oldestNeeded = Math.min(oldestNeeded, state.orElse(Long.MIN_VALUE));
    }
    if (oldestNeeded > deletedStateBefore) {
      for (String stageId : store.stateStages()) {
        for (long time : store.stateTimes(stageId)) {
          if (time < oldestNeeded) {
            store.delete(store.stateDirectory(stageId, time));
          }
        }
      }
      deletedStateBefore = oldestNeeded;
    }
  }

  /** The state time a metadata file written before this run references; empty if it has none or is unreadable. */
  private OptionalLong stateTimeOfFile(long batchTime) {
    try {
      return MetadataJson.read(store.read(store.metadataFile(batchTime))).stateTime();
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty(); // a damaged file is never recovered from, so it needs no state
    }
  }
}
