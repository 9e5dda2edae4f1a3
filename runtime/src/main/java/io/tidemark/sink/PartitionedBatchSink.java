package io.tidemark.sink;

import io.tidemark.engine.PartitionedBatch;
import io.tidemark.stream.BatchTime;

/** A sink that sees a batch's partitions, e.g. to write one file per partition. */
@FunctionalInterface
public interface PartitionedBatchSink<T> {

  void write(BatchTime time, PartitionedBatch<T> batch);

  /** The context stopped and writes no more batches: release what the sink holds (a producer, a connection). */
  default void close() {}

  /** Adapts a whole-list sink; checked exceptions fail the batch. */
  static <T> PartitionedBatchSink<T> of(BatchSink<T> sink) {
    return (time, batch) -> {
      try {
        sink.write(time, batch.toList());
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Output failed for batch " + time + ": " + e.getMessage(), e);
      }
    };
  }
}
