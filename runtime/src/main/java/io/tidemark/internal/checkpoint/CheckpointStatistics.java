package io.tidemark.internal.checkpoint;

import io.tidemark.schema.PipelineReport;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What a running pipeline's checkpoint directory holds and costs, as the status page and metrics show
 * it: the owner and its lease, the checkpoint recovered from and its compatibility with the running
 * code, every write (metadata and state files: when, how large, how long), the metadata files retained
 * and the verdict of the running code on the oldest of them. Filled by the checkpoint writer's thread,
 * the lock's heartbeat and the recovery; read from any thread. Nothing here is read from the
 * filesystem on demand: a status request never touches the checkpoint directory.
 */
public final class CheckpointStatistics {

  /** How many recent writes are kept for the latency plot. */
  static final int RECENT_WRITES = 240;

  /**
   * One checkpoint write.
   *
   * @param stageId the stateful stage whose state files were written; null for a metadata file
   * @param batchTime the batch time of the metadata file, or the state's time
   * @param bytes the bytes written (every part file of a state checkpoint)
   * @param nanos how long the write took, sync and rename included
   * @param finishedAtMillis the wall-clock time it finished
   */
  public record Write(String stageId, long batchTime, long bytes, long nanos, long finishedAtMillis) {

    public boolean isMetadata() {
      return stageId == null;
    }
  }

  /** The owner of the directory as its lock names it, the lease, and the last heartbeat (wall clock). */
  public record Lock(String owner, long leaseMillis, long lastHeartbeatMillis) {}

  /**
   * The checkpoint this run recovered from: its metadata file's batch time, the toolkit version that
   * wrote it, its data checkpoint, and the verdict of the running code on it.
   */
  public record Recovered(long batchTime, String toolkitVersion, OptionalLong stateTime, PipelineReport report) {}

  /**
   * The metadata files kept, oldest first, with the verdict of the running code on the oldest: what a
   * restart that had to fall back that far would face (empty if it does not read).
   */
  public record Retained(List<Long> metadataTimes, Optional<PipelineReport> oldestReport) {

    public Retained {
      metadataTimes = List.copyOf(metadataTimes);
    }
  }

  private final String location;
  private final Recovered recovered;
  private volatile Lock lock;
  private volatile Retained retained = new Retained(List.of(), Optional.empty());
  private volatile OptionalLong stateReferenced = OptionalLong.empty();
  private final ArrayDeque<Write> recent = new ArrayDeque<>();
  private final Map<String, Write> lastState = new TreeMap<>();
  private final Map<String, Long> walSegmentsFrom = new TreeMap<>();
  private Write lastMetadata;
  private long metadataWrites;
  private long metadataNanos;
  private long stateWrites;
  private long stateNanos;

  CheckpointStatistics(String location, Recovered recovered) {
    this.location = location;
    this.recovered = recovered;
  }

  /** The checkpoint directory, as a URI. */
  public String location() {
    return location;
  }

  /** The checkpoint this run took up; empty when it started afresh. */
  public Optional<Recovered> recovered() {
    return Optional.ofNullable(recovered);
  }

  /** The lock this run holds; empty until the context started. */
  public Optional<Lock> lock() {
    return Optional.ofNullable(lock);
  }

  public Retained retained() {
    return retained;
  }

  /** The data checkpoint the newest metadata references: the state a restart would restore. */
  public OptionalLong stateReferenced() {
    return stateReferenced;
  }

  public synchronized Optional<Write> lastMetadata() {
    return Optional.ofNullable(lastMetadata);
  }

  /** The last state checkpoint of every stateful stage written by this run, by stage id. */
  public synchronized Map<String, Write> lastState() {
    return Map.copyOf(lastState);
  }

  /** The most recent writes, oldest first. */
  public synchronized List<Write> recentWrites() {
    return List.copyOf(recent);
  }

  /** The oldest write-ahead log segment kept, by receiver source id. */
  public synchronized Map<String, Long> walSegmentsFrom() {
    return Map.copyOf(walSegmentsFrom);
  }

  public synchronized long metadataWrites() {
    return metadataWrites;
  }

  public synchronized long metadataWriteNanos() {
    return metadataNanos;
  }

  public synchronized long stateWrites() {
    return stateWrites;
  }

  public synchronized long stateWriteNanos() {
    return stateNanos;
  }

  void locked(String owner, long leaseMillis) {
    lock = new Lock(owner, leaseMillis, System.currentTimeMillis());
  }

  void heartbeat() {
    Lock held = lock;
    if (held != null) {
      lock = new Lock(held.owner(), held.leaseMillis(), System.currentTimeMillis());
    }
  }

  synchronized void written(Write write) {
    if (write.isMetadata()) {
      lastMetadata = write;
      metadataWrites++;
      metadataNanos += write.nanos();
    } else {
      lastState.put(write.stageId(), write);
      stateWrites++;
      stateNanos += write.nanos();
    }
    if (recent.size() == RECENT_WRITES) {
      recent.removeFirst();
    }
    recent.addLast(write);
  }

  void retained(List<Long> metadataTimes, Optional<PipelineReport> oldestReport, OptionalLong stateReferenced) {
    this.retained = new Retained(metadataTimes, oldestReport);
    this.stateReferenced = stateReferenced;
  }

  synchronized void walSegmentsFrom(String sourceId, long segment) {
    walSegmentsFrom.put(sourceId, segment);
  }
}
