package io.tidemark.internal.checkpoint;

import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.WalBlocks;
import io.tidemark.internal.source.WalPosition;
import io.tidemark.internal.source.WriteAheadLog;
import io.tidemark.schema.PipelineCompatibility;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PipelineReport;
import io.tidemark.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a running pipeline's checkpoints: the metadata of every batch before its outputs run and again
 * when it completes; the state of every stateful stage after each batch at a multiple of the checkpoint
 * interval and after a graceful stop (then referenced by the completion's metadata, or later, when a
 * window downstream of the state needs an older state to be refilled from); and retention,
 * deleting what no kept metadata file needs: metadata, state, write-ahead log segments. Owns the
 * receivers' write-ahead logs.
 *
 * <p>Called on the job runner thread, between batches' stage work, where it takes what a checkpoint
 * holds: the metadata as an immutable record, the state encoded into bytes. The files are written by a
 * {@link CheckpointWriter}, in order, while the runner goes on; only a batch's outputs wait, for the
 * metadata recording the batch as pending. {@link #references} and retention belong to the writer's thread.
 */
final class Checkpointer implements CheckpointHook, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  private final CheckpointStore store;
  private final long zeroTime;
  private final List<StageState<?, ?>> stageStates;
  private final RecomputeHorizon horizon;
  private final PipelineDescriptor descriptor;
  private final Map<String, String> config;
  private final CheckpointOptions options;
  private final String toolkitVersion;
  /** Completed batches a restart would recompute: after the state, or inside a stateless window. */
  private final List<GeneratedBatch> recomputable;
  /** The data checkpoints that metadata may still reference, by state time, each with its state schemas. */
  private final TreeMap<Long, Map<Long, Schema>> states = new TreeMap<>();
  /** What each metadata file references, by its batch time, as far as known. */
  private final Map<Long, References> references = new HashMap<>();
  private final Map<String, WriteAheadLog> writeAheadLogs = new ConcurrentHashMap<>();
  private final CheckpointWriter writer = new CheckpointWriter();
  /** The metadata recording the running batch as pending, while it is being written. */
  private CheckpointWriter.Written pendingRecorded;
  /** The completion of the last batch, left to the pending record of the batch queued after it. */
  private CheckpointMetadata unrecordedCompletion;
  private OptionalLong lastCompleted;
  /** The data checkpoint the metadata references: the one a recovery restores. */
  private OptionalLong stateTime;
  private long deletedStateBefore = Long.MIN_VALUE;
  private final CheckpointStatistics statistics;
  /** The running code's verdict on metadata files an earlier run wrote, by batch time; null: damaged. */
  private final Map<Long, PipelineReport> earlierReports = new HashMap<>();
  /** The running code's verdict on the files it writes itself. */
  private final PipelineReport ownReport;

  /** Continues from {@code recovered}, or starts afresh when it is null. */
  Checkpointer(CheckpointStore store, long zeroTime, List<StageState<?, ?>> stageStates, RecomputeHorizon horizon,
      PipelineDescriptor descriptor, Map<String, String> config,
      CheckpointOptions options, String toolkitVersion, CheckpointMetadata recovered, CheckpointStatistics statistics) {
    this.statistics = statistics;
    this.ownReport = PipelineCompatibility.check(descriptor, descriptor);
    this.store = store;
    this.zeroTime = zeroTime;
    this.stageStates = stageStates;
    this.horizon = horizon;
    this.descriptor = descriptor;
    this.config = config;
    this.options = options;
    this.toolkitVersion = toolkitVersion;
    this.recomputable = new ArrayList<>(recovered == null ? List.of() : recovered.recompute());
    this.lastCompleted = recovered == null ? OptionalLong.empty() : recovered.lastCompletedBatch();
    this.stateTime = recovered == null ? OptionalLong.empty() : recovered.stateTime();
    stateTime.ifPresent(time -> states.put(time, recovered.schemas()));
  }

  /**
   * What recovering from one metadata file would read: the data checkpoint, and per receiver source the
   * oldest write-ahead log segment (its batches' records and the records after its position).
   */
  private record References(OptionalLong stateTime, Map<String, Long> walSegments) {

    static References of(CheckpointMetadata metadata) {
      Map<String, Long> segments = new HashMap<>();
      metadata.positions().forEach((source, position) -> {
        if (position instanceof WalPosition wal) {
          segments.merge(source, wal.segment(), Math::min);
        }
      });
      for (List<GeneratedBatch> batches : List.of(metadata.pending(), metadata.recompute())) {
        for (GeneratedBatch batch : batches) {
          batch.inputs().forEach((source, input) -> {
            if (input instanceof WalBlocks blocks) {
              blocks.ranges().forEach(range -> segments.merge(source, range.segment(), Math::min));
            }
          });
        }
      }
      return new References(metadata.stateTime(), segments);
    }

    /** A damaged file is never recovered from, so it needs nothing. */
    static final References NONE = new References(OptionalLong.empty(), Map.of());
  }

  @Override
  public Optional<WriteAheadLog> writeAheadLog(String sourceId) {
    if (!options.writeAheadLog()) {
      return Optional.empty();
    }
    return Optional.of(writeAheadLogs.computeIfAbsent(sourceId,
        id -> SegmentedWriteAheadLog.open(store, id, SegmentedWriteAheadLog.DEFAULT_SEGMENT_BYTES)));
  }

  @Override
  public void batchStarting(GeneratedBatch batch, Planning planning) {
    CheckpointMetadata pending = metadata(batch.timeMillis(), planning.pending(), planning);
    // with a completion left to it, this batch's record is the one that has the batch before it completed
    pendingRecorded = unrecordedCompletion != null ? writeCompletion(pending) : write(pending);
    unrecordedCompletion = null;
  }

  @Override
  public void beforeOutputs() {
    pendingRecorded.await();
    pendingRecorded = null;
  }

  @Override
  public void afterBatch(GeneratedBatch batch, Planning planning) {
    long time = batch.timeMillis();
    lastCompleted = OptionalLong.of(time);
    recomputable.add(batch);
    if ((time - zeroTime) % options.interval().toMillis() == 0) {
      writeState(time);
    }
    referenceStateAfter(time);
    List<GeneratedBatch> stillPending = planning.pending().stream().filter(b -> b.timeMillis() != time).toList();
    CheckpointMetadata completion = metadata(time, stillPending, planning);
    if (stillPending.isEmpty()) {
      // nothing is queued behind it, so the runner would only wait for the next batch time: a batch that
      // was on time is recorded as completed before it is reported so
      writeCompletion(completion);
      writer.awaitAll();
    } else {
      // the next batch is queued, so it starts now, and its pending record, written as soon as this one
      // would be, records this completion too: one write per batch instead of two when behind. Should
      // it never start (a stop), close() writes this one.
      unrecordedCompletion = completion;
    }
  }

  @Override
  public void afterGracefulStop(Planning planning) {
    if (lastCompleted.isEmpty()) {
      return; // no batch ran: the checkpoint there is (if any) is as current as it gets
    }
    long time = lastCompleted.getAsLong();
    if (!states.containsKey(time)) {
      writeState(time);
    }
    referenceStateAfter(time);
    unrecordedCompletion = null; // superseded
    writeCompletion(metadata(time, planning.pending(), planning));
    writer.awaitAll(); // the context is stopped once this returns
  }

  /** The metadata file of {@code batchTime}, as the checkpoint stands now. */
  private CheckpointMetadata metadata(long batchTime, List<GeneratedBatch> pending, Planning planning) {
    return new CheckpointMetadata(batchTime, toolkitVersion, descriptor, config, zeroTime,
        options.interval().toMillis(), lastCompleted, stateTime, planning.positions(), pending, recomputable,
        stateTime.isPresent() ? states.get(stateTime.getAsLong()) : Map.of());
  }

  /** Queues {@code metadata}'s file; returns its write. */
  private CheckpointWriter.Written write(CheckpointMetadata metadata) {
    return writer.queue(() -> {
      long start = System.nanoTime();
      byte[] bytes = MetadataJson.write(metadata);
      store.writeAtomically(store.metadataFile(metadata.batchTime()), bytes);
      statistics.written(new CheckpointStatistics.Write(null, metadata.batchTime(), bytes.length,
          System.nanoTime() - start, System.currentTimeMillis()));
      references.put(metadata.batchTime(), References.of(metadata));
      earlierReports.remove(metadata.batchTime()); // rewritten by the running code (a recovered pending batch)
    });
  }

  /**
   * Queues the file of {@code metadata}, which records a batch's completion, then retention: once per
   * batch, so between a batch's pending record and its completion the directory holds one metadata file
   * more than the retention.
   */
  private CheckpointWriter.Written writeCompletion(CheckpointMetadata metadata) {
    CheckpointWriter.Written written = write(metadata);
    writer.queue(this::retain);
    return written;
  }

  /** Encodes every stateful stage's state after the batch at {@code time} and queues its files. */
  private void writeState(long time) {
    Map<Long, Schema> schemas = new LinkedHashMap<>();
    for (StageState<?, ?> stage : stageStates) {
      writeState(stage, time, schemas);
    }
    states.put(time, schemas);
  }

  /**
   * After the batch at {@code time} completed: references the newest data checkpoint from which every
   * window downstream of a stateful stage can be refilled, and forgets the completed batches a restart
   * from it no longer recomputes (those it holds, unless a window without state still covers them).
   */
  private void referenceStateAfter(long time) {
    Long newest = states.floorKey(time - horizon.windowAfterStateMillis());
    if (newest != null) {
      stateTime = OptionalLong.of(newest);
      states.headMap(newest).clear(); // no later metadata references an older one
    }
    long windowStart = time - horizon.statelessWindowMillis();
    recomputable.removeIf(b -> b.timeMillis() <= stateTime.orElse(Long.MIN_VALUE) && b.timeMillis() <= windowStart);
  }

  private <K, V> void writeState(StageState<K, V> stage, long time, Map<Long, Schema> schemas) {
    StateSerializers<K, V> serializers = stage.serializers().orElseThrow();
    List<byte[]> parts = new ArrayList<>();
    for (int p = 0; p < stage.partitionCount(); p++) {
      int partition = p;
      parts.add(StateFile.write(serializers, entries -> stage.forEachEntry(partition, entries)));
    }
    writer.queue(() -> {
      long start = System.nanoTime();
      long bytes = 0;
      store.delete(store.stateDirectory(stage.id(), time)); // parts left by a crash, maybe at another parallelism
      for (int p = 0; p < parts.size(); p++) {
        store.writeAtomically(store.stateFile(stage.id(), time, p), parts.get(p));
        bytes += parts.get(p).length;
      }
      statistics.written(new CheckpointStatistics.Write(stage.id(), time, bytes, System.nanoTime() - start,
          System.currentTimeMillis()));
    });
    schemas.put(serializers.keys().fingerprint(), serializers.keys().schema());
    schemas.put(serializers.values().fingerprint(), serializers.values().schema());
  }

  /**
   * Keeps the newest metadata files and what they reference. State directories older than the oldest
   * state any kept file references are deleted, and so are write-ahead log segments older than the
   * oldest segment any kept file reads: a kept file never loses its state or its received records.
   */
  private void retain() {
    List<Long> times = store.metadataTimes();
    List<Long> kept = times.subList(Math.max(0, times.size() - options.retainedMetadata()), times.size());
    for (Long old : times.subList(0, times.size() - kept.size())) {
      store.delete(store.metadataFile(old));
      references.remove(old);
    }
    List<References> needed = kept.stream().map(time -> references.computeIfAbsent(time, this::referencesOfFile))
        .toList();
    earlierReports.keySet().retainAll(kept);
    Optional<PipelineReport> oldest = kept.isEmpty() ? Optional.empty() : !earlierReports.containsKey(kept.get(0))
        ? Optional.of(ownReport) : Optional.ofNullable(earlierReports.get(kept.get(0)));
    statistics.retained(kept, oldest, needed.isEmpty() ? OptionalLong.empty() : needed.get(needed.size() - 1).stateTime());
    long oldestNeeded = Long.MAX_VALUE;
    for (References file : needed) {
      oldestNeeded = Math.min(oldestNeeded, file.stateTime().orElse(Long.MIN_VALUE));
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
    writeAheadLogs.forEach((source, log) -> {
      long oldestSegment = Long.MAX_VALUE;
      for (References file : needed) {
        // a kept file from before the log was on has no position for it: keep every segment until it goes
        oldestSegment = Math.min(oldestSegment, file.walSegments().getOrDefault(source, Long.MIN_VALUE));
      }
      log.deleteSegmentsBefore(oldestSegment);
      if (oldestSegment != Long.MIN_VALUE) {
        statistics.walSegmentsFrom(source, oldestSegment);
      }
    });
  }

  /** What a metadata file written before this run references; notes the running code's verdict on it. */
  private References referencesOfFile(long batchTime) {
    try {
      CheckpointMetadata metadata = MetadataJson.read(store.read(store.metadataFile(batchTime)));
      earlierReports.put(batchTime, PipelineCompatibility.check(metadata.pipeline(), descriptor));
      return References.of(metadata);
    } catch (IllegalArgumentException e) {
      earlierReports.put(batchTime, null);
      return References.NONE;
    }
  }

  /**
   * Writes a completion left to a batch that never started, finishes the queued writes, then closes the
   * write-ahead logs; their receivers have stopped. A write that failed is logged, not thrown: the
   * context is stopping anyway, and the checkpoints written before it are intact for a restart.
   */
  @Override
  public void close() {
    try {
      if (unrecordedCompletion != null) {
        writeCompletion(unrecordedCompletion);
      }
      writer.close();
    } catch (RuntimeException e) {
      LOG.warn("The last checkpoint was not written ({}). A restart recovers from the one before it, and runs"
          + " again the batches since then", e.getMessage(), e);
    } finally {
      writeAheadLogs.values().forEach(WriteAheadLog::close);
    }
  }
}
