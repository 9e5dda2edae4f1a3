package io.tidemark.internal.plan;

import java.util.Map;

/**
 * One batch on an engine, in three steps the driver calls in order, so that between the first two it
 * can wait for the checkpoint that records the batch as pending: its outputs must not run before that
 * is durable.
 */
public interface BatchExecution {

  /** Reads the batch's input and computes its stages: state updated, windows advanced; no output yet. */
  void computeStages();

  /** Runs the outputs, in registration order, at the times their stages produce a batch. */
  void runOutputs();

  /** The batch is done (with or without outputs): its data is dropped, windows evict what left them. */
  void complete();

  /** The input records the batch read. */
  long recordsIn();

  /**
   * The records each output that ran wrote, by output id (for the listeners and the status page); empty
   * for an engine that does not count them.
   */
  default Map<String, Long> outputRecords() {
    return Map.of();
  }
}
