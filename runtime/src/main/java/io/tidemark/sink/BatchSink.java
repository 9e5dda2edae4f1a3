package io.tidemark.sink;

import io.tidemark.function.BatchTime;
import java.util.List;

/** The function of {@code foreachBatch}: receives each batch of a stream as one list, with its time. */
@FunctionalInterface
public interface BatchSink<T> {
  void write(BatchTime time, List<T> batch) throws Exception;
}
