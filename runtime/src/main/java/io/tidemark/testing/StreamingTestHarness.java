package io.tidemark.testing;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.BatchTime;
import io.tidemark.function.StreamingListener;
import io.tidemark.stream.DStream;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingContextState;
import io.tidemark.stream.StreamingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Drives a pipeline batch by batch on a {@link ManualClock}: build the pipeline on {@link #context()},
 * {@link #collect} the streams to check, then {@link #runBatches} advances the clock one interval at a
 * time and returns once each batch has completed. No sleeps, no wall-clock dependence.
 */
public final class StreamingTestHarness implements AutoCloseable {

  private final ManualClock clock;
  private final StreamingContext context;
  private final Object progress = new Object();
  private long completedBatches;
  private Throwable failure;
  private final Map<String, Long> received = new HashMap<>();

  public StreamingTestHarness(Duration batchInterval, int parallelism) {
    this(new ManualClock(), batchInterval, parallelism);
  }

  private StreamingTestHarness(ManualClock clock, Duration batchInterval, int parallelism) {
    this(StreamingContext.builder(batchInterval).clock(clock).parallelism(parallelism).build(), clock);
  }

  /**
   * Drives a context built elsewhere, such as one {@code StreamingContext.getOrCreate} recovered, that
   * runs on {@code clock}.
   */
  public StreamingTestHarness(StreamingContext context, ManualClock clock) {
    this.clock = clock;
    this.context = context;
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        synchronized (progress) {
          completedBatches++;
          progress.notifyAll();
        }
      }

      @Override
      public void onBatchFailed(BatchTime time, Throwable error) {
        synchronized (progress) {
          failure = error;
          progress.notifyAll();
        }
      }

      @Override
      public void onReceiverProgress(String sourceId, long recordsReceived) {
        synchronized (progress) {
          received.put(sourceId, recordsReceived);
          progress.notifyAll();
        }
      }
    });
  }

  public StreamingContext context() {
    return context;
  }

  public ManualClock clock() {
    return clock;
  }

  /** A stream with one of {@code batches} per batch interval, then empty batches. */
  @SafeVarargs
  public final <T> DStream<T> queueOf(Collection<T>... batches) {
    return context.queueStream(new ConcurrentLinkedQueue<>(List.of(batches)), true);
  }

  /** As {@link #queueOf(Collection[])}, from a list of batches. */
  public <T> DStream<T> queueOf(List<? extends Collection<T>> batches) {
    return context.queueStream(new ConcurrentLinkedQueue<>(batches), true);
  }

  /** Registers an output recording every batch of {@code stream}. */
  public <T> BatchRecorder<T> collect(DStream<T> stream) {
    BatchRecorder<T> recorder = new BatchRecorder<>();
    stream.foreachBatch(recorder::record);
    return recorder;
  }

  /** Starts the context without running a batch (e.g. to let a receiver connect first). */
  public void start() {
    if (context.state() == StreamingContextState.INITIALIZED) {
      context.start();
    }
  }

  /**
   * Starts the context if needed, then {@code count} times advances the clock by one batch interval and
   * waits for that batch to complete.
   *
   * @throws StreamingException if a batch fails
   */
  public void runBatches(int count) throws InterruptedException {
    start();
    for (int i = 0; i < count; i++) {
      long target;
      synchronized (progress) {
        target = completedBatches + 1;
      }
      clock.advance(context.batchInterval());
      synchronized (progress) {
        while (completedBatches < target && failure == null) {
          progress.wait();
        }
        if (failure != null) {
          throw new StreamingException("Batch failed: " + failure, failure);
        }
      }
    }
  }

  /** Waits until the receiver of {@code stream} has stored at least {@code records} records. */
  public void awaitReceived(DStream<?> stream, long records) throws InterruptedException {
    synchronized (progress) {
      while (received.getOrDefault(stream.id(), 0L) < records) {
        progress.wait();
      }
    }
  }

  /** The records the receiver of {@code stream} has stored so far. */
  public long received(DStream<?> stream) {
    synchronized (progress) {
      return received.getOrDefault(stream.id(), 0L);
    }
  }

  /** The number of batches completed so far. */
  public long completedBatches() {
    synchronized (progress) {
      return completedBatches;
    }
  }

  @Override
  public void close() {
    context.stop(false);
  }

  /**
   * Copies of each batch sorted by the elements' text, for comparing batches whose order depends on
   * hashing (keyed stages) or on the parallelism.
   */
  public static <T> List<List<T>> sorted(List<List<T>> batches) {
    List<List<T>> sorted = new ArrayList<>();
    for (List<T> batch : batches) {
      List<T> copy = new ArrayList<>(batch);
      copy.sort(Comparator.comparing(String::valueOf));
      sorted.add(copy);
    }
    return sorted;
  }
}
