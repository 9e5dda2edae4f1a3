package io.tidemark.internal.driver;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.BatchTime;
import io.tidemark.function.StreamingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listener every context has: one INFO line per batch. */
public final class LoggingStreamingListener implements StreamingListener {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingStreamingListener.class);

  @Override
  public void onBatchCompleted(BatchInfo info) {
    LOG.info("Batch {}: {} records in, processing {} ms, scheduling delay {} ms, total delay {} ms, state keys {}",
        info.batchTime(), info.recordsIn(), info.processingTime().toMillis(), info.schedulingDelay().toMillis(),
        info.totalDelay().toMillis(), info.stateSizes());
  }

  @Override
  public void onBatchFailed(BatchTime time, Throwable error) {
    LOG.error("Batch {} failed; stopping the streaming context", time, error);
  }
}
