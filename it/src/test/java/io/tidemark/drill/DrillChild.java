package io.tidemark.drill;

import io.tidemark.stream.StreamingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;

/** What the mains of drilled child JVMs share: how a {@link CrashDrill} configures and stops them. */
final class DrillChild {

  /** The file whose appearance stops the child gracefully. */
  static final String STOP_FILE_PROPERTY = "tidemark.drill.stop-file";
  /** System properties {@code hadoop.<key>} go into the checkpoint's Hadoop configuration as {@code <key>}. */
  static final String HADOOP_PROPERTY_PREFIX = "hadoop.";
  /** Short, so a restart right after a kill finds the dead child's lock expired soon. */
  static final Duration LOCK_LEASE = Duration.ofMillis(400);

  private DrillChild() {}

  /** The checkpoint's Hadoop configuration, with the child's {@code hadoop.*} system properties. */
  static Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(HADOOP_PROPERTY_PREFIX)) {
        conf.set(name.substring(HADOOP_PROPERTY_PREFIX.length()), System.getProperty(name));
      }
    }
    return conf;
  }

  /**
   * Starts {@code context} and runs it until the stop file appears, then stops it gracefully; a failed
   * batch ends the child with the exception (a non-zero exit status).
   */
  static void runUntilStopFile(StreamingContext context) throws InterruptedException {
    Path stopFile = Path.of(System.getProperty(STOP_FILE_PROPERTY));
    context.start();
    while (!Files.exists(stopFile)) {
      context.awaitTerminationOrTimeout(context.batchInterval()); // throws when a batch failed
    }
    context.stop(true);
  }
}
