package io.tidemark.stream;

import io.tidemark.function.Durations;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a context gracefully when the JVM shuts down (SIGTERM, Ctrl-C, {@code System.exit}): received
 * data is processed and a final checkpoint written, for at most a bounded time, after which the JVM
 * exits anyway and the next start recovers from the last checkpoint written.
 */
final class GracefulShutdownHook {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdownHook.class);

  private final Thread hook;

  GracefulShutdownHook(StreamingContext context, Duration timeout) {
    this.hook = new Thread(() -> stop(context, timeout), "tidemark-shutdown-" + context.name());
  }

  void install() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Uninstalls the hook, unless the JVM is already shutting down (the hook is then running, or has run). */
  void remove() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // nothing to remove: the hook is this stop's caller, or the JVM has started running hooks
    }
  }

  private static void stop(StreamingContext context, Duration timeout) {
    LOG.info("The JVM is shutting down: stopping {} gracefully (at most {})", context.name(), Durations.format(timeout));
    // on a thread of its own, so a stop that hangs cannot hold the JVM's exit beyond the timeout
    Thread stopping = new Thread(() -> context.stop(true), "tidemark-graceful-stop-" + context.name());
    stopping.setDaemon(true);
    stopping.start();
    try {
      stopping.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopping.isAlive()) {
      LOG.warn("{} did not stop within {}; exiting without a final checkpoint. The next start recovers from the last"
          + " checkpoint written and recomputes the batches after it", context.name(), Durations.format(timeout));
    }
  }
}
