package io.tidemark.function;

import java.time.Duration;
import java.util.Map;

/**
 * Statistics of one completed batch.
 *
 * @param recordsIn records read from all input sources for this batch
 * @param schedulingDelay how late the batch started on the pipeline's clock (batches queue up when
 *     the pipeline falls behind)
 * @param processingTime wall time spent running the batch
 * @param totalDelay scheduling delay plus processing time
 * @param stateSizes number of keys held by each stateful stage, by stage id
 * @param outputRecords records written by each output that ran in this batch, by output id (an output
 *     of a window runs only at the window's slide)
 */
public record BatchInfo(
    BatchTime batchTime,
    long recordsIn,
    Duration schedulingDelay,
    Duration processingTime,
    Duration totalDelay,
    Map<String, Long> stateSizes,
    Map<String, Long> outputRecords) {

  /** A batch whose outputs' records were not counted. */
  public BatchInfo(BatchTime batchTime, long recordsIn, Duration schedulingDelay, Duration processingTime,
      Duration totalDelay, Map<String, Long> stateSizes) {
    this(batchTime, recordsIn, schedulingDelay, processingTime, totalDelay, stateSizes, Map.of());
  }
}
