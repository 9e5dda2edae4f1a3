package io.tidemark.function;

import io.tidemark.stream.StreamingContext;

/**
 * Receives per-batch statistics and receiver progress. Called on the engine's threads: keep it quick and
 * do not call back into the context's lifecycle from it.
 */
public interface StreamingListener {

  default void onBatchCompleted(BatchInfo info) {}

  /** The batch failed; the context stops and {@link StreamingContext#awaitTermination()} rethrows. */
  default void onBatchFailed(BatchTime time, Throwable error) {}

  /** A receiver stored more data: {@code recordsReceived} is its running total since start. */
  default void onReceiverProgress(String sourceId, long recordsReceived) {}
}
