package io.tidemark.internal.source;

import java.util.Map;

/**
 * A batch the job generator has planned: its time and, per source id, the plain-data descriptor of its
 * input. The descriptors alone are enough to read the batch's data again, which is what lets a
 * checkpoint record pending batches and recompute them after a crash.
 */
public record GeneratedBatch(long timeMillis, Map<String, InputDescriptor> inputs) {

  public GeneratedBatch {
    inputs = Map.copyOf(inputs);
  }
}
