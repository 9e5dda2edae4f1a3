package io.tidemark.internal.local;

import java.util.Objects;

/**
 * Places a key in a partition. Every keyed stage uses this one rule, so a key's data and state always
 * meet in the same partition, and restored state can be re-partitioned for another parallelism.
 */
public final class HashPartitioner {

  private HashPartitioner() {}

  public static int partitionOf(Object key, int partitionCount) {
    return Math.floorMod(Objects.hashCode(key), partitionCount);
  }
}
