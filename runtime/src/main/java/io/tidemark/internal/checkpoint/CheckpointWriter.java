package io.tidemark.internal.checkpoint;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a checkpoint's writes one after another on a thread of its own, so that the job runner computes
 * a batch while the files recording it go to the filesystem: each write costs a sync and a rename
 * (milliseconds on a local disk, a round trip to the NameNode and DataNodes on HDFS), as long as a small
 * batch takes to compute. Writes run in the order they were queued, and once one fails none after it
 * runs: a metadata file is never written after the state files it references failed.
 */
final class CheckpointWriter implements AutoCloseable {

  private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
    Thread writer = new Thread(runnable, "tidemark-checkpoint-writer");
    writer.setDaemon(true); // a JVM exiting without stop() loses only what a crash would
    return writer;
  });
  /** Completes when every write queued so far has; exceptionally with the first failure. */
  private CompletableFuture<Void> queued = CompletableFuture.completedFuture(null);

  /** Queues {@code write} after every write queued before; returns when it is queued, not done. */
  synchronized Written queue(Runnable write) {
    queued = queued.thenRunAsync(write, thread);
    return new Written(queued);
  }

  /** Returns once every write queued so far is done; rethrows the first that failed. */
  void awaitAll() {
    Written all;
    synchronized (this) {
      all = new Written(queued);
    }
    all.await();
  }

  /** Waits for what was queued, then stops the thread; rethrows the first write that failed. */
  @Override
  public void close() {
    try {
      awaitAll();
    } finally {
      thread.shutdown();
    }
  }

  /** A queued write: done once it and every write queued before it are. */
  record Written(CompletableFuture<Void> done) {

    /** Returns once done; rethrows the failure of this or an earlier write as it was thrown. */
    void await() {
      try {
        done.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
  }
}
