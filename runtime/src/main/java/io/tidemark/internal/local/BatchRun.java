package io.tidemark.internal.local;

import io.tidemark.function.BatchTime;
import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.InputDescriptor;

/** The context of the batch being run: its time, its input descriptors and the workers. */
public final class BatchRun {

  private final GeneratedBatch batch;
  private final TaskPool pool;
  private final boolean stateRestored;
  private long recordsIn;

  /** @param stateRestored the state restored from a checkpoint already includes this batch */
  BatchRun(GeneratedBatch batch, TaskPool pool, boolean stateRestored) {
    this.batch = batch;
    this.pool = pool;
    this.stateRestored = stateRestored;
  }

  /**
   * True when this is a recovery's rerun of a batch the restored state already includes: stateful
   * stages must not apply it again.
   */
  public boolean stateRestored() {
    return stateRestored;
  }

  public long timeMillis() {
    return batch.timeMillis();
  }

  public BatchTime batchTime() {
    return new BatchTime(batch.timeMillis());
  }

  public int parallelism() {
    return pool.parallelism();
  }

  public TaskPool pool() {
    return pool;
  }

  /** The descriptor the source with this id planned for this batch. */
  public InputDescriptor inputOf(String sourceId) {
    return batch.inputs().get(sourceId);
  }

  void addRecordsIn(long records) {
    recordsIn += records;
  }

  long recordsIn() {
    return recordsIn;
  }
}
