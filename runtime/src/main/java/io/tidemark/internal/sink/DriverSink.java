package io.tidemark.internal.sink;

import io.tidemark.function.BatchTime;
import io.tidemark.sink.BatchSink;
import io.tidemark.sink.OutputContext;
import java.util.List;

/**
 * A sink that takes each batch whole, on the driver, in batch order: {@code foreachBatch}, {@code print},
 * and the transactional Kafka sink (one transaction per batch). Every engine can run it by bringing the
 * batch to the driver; sinks that can write where the data is implement {@link
 * io.tidemark.sink.PartitionedSink} instead.
 */
public interface DriverSink<T> {

  /** Called once before the first batch, when the output's id is final. */
  default void open(OutputContext context) {}

  void write(BatchTime time, List<T> batch);

  /** The context stopped and writes no more batches: release what the sink holds (a producer, a connection). */
  default void close() {}

  /** Adapts a {@code foreachBatch} function; checked exceptions fail the batch. */
  static <T> DriverSink<T> of(BatchSink<T> sink) {
    return (time, batch) -> {
      try {
        sink.write(time, batch);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Output failed for batch " + time + ": " + e.getMessage(), e);
      }
    };
  }
}
