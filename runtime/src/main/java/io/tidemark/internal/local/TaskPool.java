package io.tidemark.internal.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The fixed pool of {@code parallelism} worker threads a batch's work is split over: one task per
 * partition. Tasks never submit tasks, so a fixed pool cannot deadlock.
 */
public final class TaskPool implements AutoCloseable {

  private final int parallelism;
  private final ExecutorService executor;

  public TaskPool(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    AtomicInteger threads = new AtomicInteger();
    this.executor = parallelism == 1 ? null : Executors.newFixedThreadPool(parallelism, task -> {
      Thread t = new Thread(task, "tidemark-worker-" + threads.getAndIncrement());
      t.setDaemon(true);
      return t;
    });
  }

  public int parallelism() {
    return parallelism;
  }

  /**
   * Runs {@code task} for every partition and returns the results in partition order. A single
   * partition runs on the calling thread: a handoff would only add latency.
   */
  public <R> List<R> mapPartitions(IntFunction<R> task) {
    if (executor == null) {
      return Arrays.asList(task.apply(0));
    }
    List<Future<R>> futures = new ArrayList<>(parallelism);
    for (int p = 0; p < parallelism; p++) {
      int partition = p;
      futures.add(executor.submit(() -> task.apply(partition)));
    }
    List<R> results = new ArrayList<>(parallelism);
    Throwable failure = null;
    for (Future<R> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
        results.add(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new IllegalStateException("Interrupted while waiting for partition tasks", e);
      }
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return results;
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
