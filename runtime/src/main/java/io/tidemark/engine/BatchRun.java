package io.tidemark.engine;

import io.tidemark.source.InputDescriptor;
import io.tidemark.stream.BatchTime;

/** The context of the batch being run: its time, its input descriptors and the workers. */
public final class BatchRun {

  private final GeneratedBatch batch;
  private final TaskPool pool;
  private long recordsIn;

  BatchRun(GeneratedBatch batch, TaskPool pool) {
    this.batch = batch;
    this.pool = pool;
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
