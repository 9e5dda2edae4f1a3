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

  void run(BatchRun run) {
    if (stage.isValidAt(run.timeMillis())) {
      sink.write(run.batchTime(), stage.materialize(run));
    }
  }
}
