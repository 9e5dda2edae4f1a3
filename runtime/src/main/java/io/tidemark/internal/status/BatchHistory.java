package io.tidemark.internal.status;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.BatchTime;
import io.tidemark.function.StreamingListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The batches of a run as the listener hears of them: the last {@link #RETAINED} completed ones, the
 * last failures, running totals and the receivers' progress. One O(1) insertion per batch (the batch's
 * statistics are kept as they are), read by the HTTP threads.
 */
final class BatchHistory implements StreamingListener {

  /** How many completed batches are kept, as Spark's {@code spark.streaming.ui.retainedBatches}. */
  static final int RETAINED = 1000;
  static final int RETAINED_FAILURES = 100;

  /** A failed batch: its time and what it threw. */
  record Failure(long batchTime, String error, long atMillis) {}

  private final ArrayDeque<BatchInfo> batches = new ArrayDeque<>();
  private final ArrayDeque<Failure> failures = new ArrayDeque<>();
  private final Map<String, Long> received = new TreeMap<>();
  private long completed;
  private long failed;
  private long recordsIn;
  private BatchInfo last;

  @Override
  public synchronized void onBatchCompleted(BatchInfo info) {
    if (batches.size() == RETAINED) {
      batches.removeFirst();
    }
    batches.addLast(info);
    last = info;
    completed++;
    recordsIn += info.recordsIn();
  }

  @Override
  public synchronized void onBatchFailed(BatchTime time, Throwable error) {
    if (failures.size() == RETAINED_FAILURES) {
      failures.removeFirst();
    }
    failures.addLast(new Failure(time.milliseconds(), String.valueOf(error), System.currentTimeMillis()));
    failed++;
  }

  @Override
  public synchronized void onReceiverProgress(String sourceId, long recordsReceived) {
    received.put(sourceId, recordsReceived);
  }

  /** The completed batches after {@code afterBatchTime}, oldest first, at most the newest {@code limit}. */
  synchronized List<BatchInfo> since(long afterBatchTime, int limit) {
    List<BatchInfo> newer = new ArrayList<>();
    for (Iterator<BatchInfo> it = batches.descendingIterator(); it.hasNext() && newer.size() < limit; ) {
      BatchInfo info = it.next();
      if (info.batchTime().milliseconds() <= afterBatchTime) {
        break;
      }
      newer.add(info);
    }
    Collections.reverse(newer);
    return newer;
  }

  synchronized List<Failure> failures() {
    return List.copyOf(failures);
  }

  synchronized Optional<BatchInfo> last() {
    return Optional.ofNullable(last);
  }

  synchronized long completed() {
    return completed;
  }

  synchronized long failed() {
    return failed;
  }

  synchronized long recordsIn() {
    return recordsIn;
  }

  /** The records each receiver has stored since the run started, by source id. */
  synchronized Map<String, Long> received() {
    return Map.copyOf(received);
  }

  /** The keys the last completed batch left in a stateful stage; -1 before the first. */
  synchronized long stateKeys(String stageId) {
    return last == null ? -1 : last.stateSizes().getOrDefault(stageId, -1L);
  }
}
