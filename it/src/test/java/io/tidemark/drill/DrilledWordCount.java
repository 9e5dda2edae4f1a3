package io.tidemark.drill;

import io.tidemark.function.KV;
import io.tidemark.schema.Serializers;
import io.tidemark.stream.DStream;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.StreamingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline the file-source crash drills kill: words of a directory of text files, counted per batch
 * ({@code counts-<time>}) and as running totals ({@code totals-<time>}), both saved with {@code
 * saveAsTextFiles}, on the system clock with a data checkpoint every other batch.
 *
 * <p>As a child JVM's main ({@link DrillChild}): {@code <input dir> <output dir> <checkpoint dir> <batch ms>}.
 */
public final class DrilledWordCount {

  /** Short batches on the local filesystem: many batches, and checkpoints, between two kills. */
  static final Duration LOCAL_BATCH = Duration.ofMillis(100);

  private DrilledWordCount() {}

  /** Counts and totals of the words of {@code lines}, saved under {@code output}. */
  static void define(DStream<String> lines, Path output) {
    countAndTotal(lines.flatMap(line -> Arrays.asList(line.split(" "))).filter(word -> !word.isEmpty()), output);
  }

  /** Each batch's count of every word ({@code counts-<time>}) and the running totals ({@code totals-<time>}). */
  static void countAndTotal(DStream<String> words, Path output) {
    PairDStream<String, Long> ones = words.mapToPair(word -> KV.of(word, 1L));
    ones.reduceByKey(Long::sum).saveAsTextFiles(output.resolve(WordCountOutput.COUNTS).toString());
    ones.updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
            (List<Long> counts, Optional<Long> total) -> total.orElse(0L) + counts.stream().mapToLong(c -> c).sum())
        .saveAsTextFiles(output.resolve(WordCountOutput.TOTALS).toString());
  }

  public static void main(String[] args) throws Exception {
    Path input = Path.of(args[0]);
    Path output = Path.of(args[1]);
    String checkpoint = args[2];
    Duration batch = Duration.ofMillis(Long.parseLong(args[3]));
    DrillChild.runUntilStopFile(StreamingContext.getOrCreate(checkpoint, DrillChild.hadoopConfiguration(), () -> {
      StreamingContext created = StreamingContext.builder(batch).name("drilled-word-count").parallelism(2)
          .checkpointInterval(batch.multipliedBy(2)).checkpointLockLease(DrillChild.LOCK_LEASE).build();
      define(created.textFileStream(input), output);
      return created;
    }));
  }
}
