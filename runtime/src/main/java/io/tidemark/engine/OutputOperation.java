package io.tidemark.engine;

import io.tidemark.sink.PartitionedBatchSink;

/**
 * An output: writes a stage's batch to a sink at every batch time the stage is valid. Outputs run in
 * registration order.
 *
 * @param kind what the output does ({@code foreachBatch}, {@code print}, {@code saveAsTextFiles})
 */
public record OutputOperation<T>(String id, String kind, Stage<T> stage, PartitionedBatchSink<T> sink) {

  OutputOperation<T> withId(String newId) {
    return new OutputOperation<>(newId, kind, stage, sink);
  }

  @Override
  public String toString() {
    return kind + " output '" + id + "'";
  }

  /** The context stopped: the sink releases what it holds (a producer, a connection). */
  void close() {
    sink.close();
  }

  /** Writes this batch's data if the stage has a batch now; returns the records written, or -1 if it has none. */
  long run(BatchRun run) {
    if (!stage.isValidAt(run.timeMillis())) {
      return -1;
    }
    PartitionedBatch<T> batch = stage.materialize(run);
    sink.write(run.batchTime(), batch);
    return batch == null ? 0 : batch.size();
  }
}
