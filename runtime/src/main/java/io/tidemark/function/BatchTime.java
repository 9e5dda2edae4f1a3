package io.tidemark.function;

/**
 * The time of a batch, in milliseconds. Batch times are multiples of the batch interval and are unique
 * per pipeline, so a batch time is also the batch's id: sinks use it to make a rerun of the same batch
 * replace its earlier output instead of duplicating it.
 */
public record BatchTime(long milliseconds) implements Comparable<BatchTime> {

  @Override
  public int compareTo(BatchTime other) {
    return Long.compare(milliseconds, other.milliseconds);
  }

  @Override
  public String toString() {
    return milliseconds + " ms";
  }
}
