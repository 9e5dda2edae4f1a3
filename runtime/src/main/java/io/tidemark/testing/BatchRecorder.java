package io.tidemark.testing;

import io.tidemark.function.BatchTime;
import java.util.ArrayList;
import java.util.List;

/** The batches an output of a stream produced, in order, with their times. */
public final class BatchRecorder<T> {

  private final List<BatchTime> times = new ArrayList<>();
  private final List<List<T>> batches = new ArrayList<>();

  synchronized void record(BatchTime time, List<T> batch) {
    times.add(time);
    batches.add(List.copyOf(batch));
  }

  public synchronized List<List<T>> batches() {
    return List.copyOf(batches);
  }

  public synchronized List<BatchTime> times() {
    return List.copyOf(times);
  }

  /** The batch produced at {@code timeMillis}. */
  public synchronized List<T> at(long timeMillis) {
    int index = times.indexOf(new BatchTime(timeMillis));
    if (index < 0) {
      throw new IllegalArgumentException("No batch at " + timeMillis + " ms; batches at " + times);
    }
    return batches.get(index);
  }
}
