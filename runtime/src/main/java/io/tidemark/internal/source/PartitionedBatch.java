package io.tidemark.internal.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * One batch of a stage's data, split into the pipeline's partitions. Every stage of a pipeline has the
 * same number of partitions ({@code parallelism}), so partition {@code p} of one stage lines up with
 * partition {@code p} of its parents and of its keyed siblings.
 */
public final class PartitionedBatch<T> {

  private final List<List<T>> partitions;

  private PartitionedBatch(List<List<T>> partitions) {
    this.partitions = partitions;
  }

  public static <T> PartitionedBatch<T> of(List<List<T>> partitions) {
    return new PartitionedBatch<>(partitions);
  }

  /** A batch without elements. */
  public static <T> PartitionedBatch<T> empty(int partitionCount) {
    return new PartitionedBatch<>(Collections.nCopies(partitionCount, List.of()));
  }

  /** Contiguous, nearly equal slices of {@code all}, as views: the data is not copied. */
  public static <T> PartitionedBatch<T> split(List<T> all, int partitionCount) {
    List<List<T>> parts = new ArrayList<>(partitionCount);
    int size = all.size();
    for (int p = 0; p < partitionCount; p++) {
      parts.add(all.subList((int) ((long) size * p / partitionCount), (int) ((long) size * (p + 1) / partitionCount)));
    }
    return new PartitionedBatch<>(parts);
  }

  public int partitionCount() {
    return partitions.size();
  }

  public List<T> partition(int p) {
    return partitions.get(p);
  }

  public void forEachIn(int p, Consumer<? super T> sink) {
    for (T element : partitions.get(p)) {
      sink.accept(element);
    }
  }

  public long size() {
    long size = 0;
    for (List<T> part : partitions) {
      size += part.size();
    }
    return size;
  }

  /** All elements, partition after partition. */
  public List<T> toList() {
    if (partitions.size() == 1) {
      return Collections.unmodifiableList(partitions.get(0));
    }
    List<T> all = new ArrayList<>((int) size());
    partitions.forEach(all::addAll);
    return all;
  }
}
