package io.tidemark.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code window}: every slide, the union of the parent's batches in the last {@code length}. The parent
 * batches are buffered by batch time until they leave the window.
 */
public final class WindowStage<T> extends WindowedStage<T> {

  private final Stage<T> parent;
  private final TreeMap<Long, PartitionedBatch<T>> buffer = new TreeMap<>();

  public WindowStage(Stage<T> parent, Duration length, Duration slide) {
    this(parent, parent.graph().generatedId("window"), length, slide);
  }

  private WindowStage(Stage<T> parent, String id, Duration length, Duration slide) {
    super(parent, id, "window", length, slide);
    this.parent = parent;
  }

  @Override
  protected PartitionedBatch<T> compute(BatchRun run) {
    long time = run.timeMillis();
    buffer.put(time, parent.materialize(run));
    buffer.headMap(time - windowLengthMillis(), true).clear();
    if (!isValidAt(time)) {
      return null;
    }
    List<List<T>> parts = new ArrayList<>(run.parallelism());
    for (int p = 0; p < run.parallelism(); p++) {
      List<T> part = new ArrayList<>();
      for (PartitionedBatch<T> batch : buffer.values()) {
        part.addAll(batch.partition(p));
      }
      parts.add(part);
    }
    return PartitionedBatch.of(parts);
  }
}
