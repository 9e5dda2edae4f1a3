package io.tidemark.drill;

import io.tidemark.schema.Serializers;
import io.tidemark.stream.DStream;
import io.tidemark.stream.KV;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.StreamingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The pipeline the crash drills kill: words of a directory of text files, counted per batch ({@code
 * counts-<time>}) and as running totals ({@code totals-<time>}), both saved with {@code saveAsTextFiles},
 * on the system clock with short batches and a data checkpoint every other batch.
 *
 * <p>As a child JVM's main: {@code <input dir> <output dir> <checkpoint dir> <stop file> <batch ms>}; runs until the
 * stop file appears, then stops gracefully and exits 0. System properties {@code hadoop.<key>} go into
 * the checkpoint's Hadoop configuration as {@code <key>} (a drill installs a crashing filesystem so).
 */
public final class DrilledWordCount {

  /** Short batches on the local filesystem: many batches, and checkpoints, between two kills. */
  static final Duration LOCAL_BATCH = Duration.ofMillis(100);
  /** Short, so a restart right after a kill finds the dead child's lock expired soon. */
  static final Duration LOCK_LEASE = Duration.ofMillis(400);
  private static final String HADOOP_PROPERTY_PREFIX = "hadoop.";

  private DrilledWordCount() {}

  /** Counts and totals of the words of {@code lines}, saved under {@code output}. */
  static void define(DStream<String> lines, Path output) {
    PairDStream<String, Long> ones = lines
        .flatMap(line -> Arrays.asList(line.split(" ")))
        .filter(word -> !word.isEmpty())
        .mapToPair(word -> KV.of(word, 1L));
    ones.reduceByKey(Long::sum).saveAsTextFiles(output.resolve(WordCountOutput.COUNTS).toString());
    ones.updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
            (List<Long> counts, Optional<Long> total) -> total.orElse(0L) + counts.stream().mapToLong(c -> c).sum())
        .saveAsTextFiles(output.resolve(WordCountOutput.TOTALS).toString());
  }

  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    String checkpoint = args[2];
    Path stopFile = Path.of(args[3]);
    Duration batch = Duration.ofMillis(Long.parseLong(args[4]));
    StreamingContext context = StreamingContext.getOrCreate(checkpoint, hadoopConfiguration(), () -> {
      StreamingContext created = StreamingContext.builder(batch).name("drilled-word-count").parallelism(2)
          .checkpointInterval(batch.multipliedBy(2)).checkpointLockLease(LOCK_LEASE).build();
      define(created.textFileStream(input), output);
      return created;
    });
    context.start();
    while (!Files.exists(stopFile)) {
      if (context.awaitTerminationOrTimeout(batch)) {
        return; // not reached unless a batch failed, which awaitTermination throws
      }
    }
    context.stop(true);
  }

  private static Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(HADOOP_PROPERTY_PREFIX)) {
        conf.set(name.substring(HADOOP_PROPERTY_PREFIX.length()), System.getProperty(name));
      }
    }
    return conf;
  }
}
