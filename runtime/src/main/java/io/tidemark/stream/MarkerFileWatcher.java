package io.tidemark.stream;

import io.tidemark.function.Clock;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marker-file pattern: an operator stops a running pipeline gracefully by deleting a file, on any
 * Hadoop filesystem. The watcher checks for the file once per batch interval of the context's clock
 * and stops the context gracefully when it is gone.
 */
final class MarkerFileWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(MarkerFileWatcher.class);

  private final StreamingContext context;
  private final Path marker;
  private final FileSystem fs;
  private Thread thread;

  /** @throws IllegalArgumentException if the marker does not exist or its filesystem cannot be reached */
  MarkerFileWatcher(StreamingContext context, URI marker) {
    this.context = context;
    this.marker = new Path(marker);
    try {
      this.fs = FileSystem.newInstance(marker, new Configuration());
      if (!fs.exists(this.marker)) {
        fs.close();
        throw new IllegalArgumentException("The marker file " + marker + " does not exist: create it before"
            + " registering it; the context stops gracefully once it is deleted");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot check the marker file " + marker + ": " + e, e);
    }
  }

  synchronized void start() {
    thread = new Thread(this::watch, "tidemark-marker-watcher-" + context.name());
    thread.setDaemon(true);
    thread.start();
  }

  private void watch() {
    Clock clock = context.clock();
    Duration interval = context.batchInterval();
    try {
      for (long next = clock.nowMillis() + interval.toMillis(); ; next += interval.toMillis()) {
        clock.waitTillTime(next);
        if (!fs.exists(marker)) {
          LOG.info("The marker file {} was removed: stopping {} gracefully", marker, context.name());
          context.stop(true);
          return;
        }
      }
    } catch (InterruptedException e) {
      // the context stopped otherwise
    } catch (IOException e) {
      LOG.warn("Cannot check the marker file {} ({}); the context no longer stops on its removal", marker, e.toString());
    } finally {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      fs.close();
    } catch (IOException e) {
      LOG.debug("Closing the filesystem of the marker file {} failed", marker, e);
    }
  }

  /** Ends the watch (the context is stopping); a no-op when called by the watcher's own stop. */
  synchronized void stop() {
    if (thread == null) {
      closeQuietly();
    } else if (thread != Thread.currentThread()) {
      thread.interrupt();
    }
  }
}
