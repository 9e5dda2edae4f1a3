package ${package};

import io.tidemark.annotation.Pipeline;
import io.tidemark.annotation.Sink;
import io.tidemark.annotation.Source;
import io.tidemark.annotation.State;
import io.tidemark.annotation.Transform;
import io.tidemark.annotation.Window;
import io.tidemark.function.KV;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.SinkSpec;
import io.tidemark.stream.Sinks;
import io.tidemark.stream.SourceSpec;
import io.tidemark.stream.Sources;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Counts words: over the last 3 seconds, every second ({@code counts}), and since the first run ({@code
 * totals}). The annotation processor turns this class into {@code WordCountContext}; the ids of the stages
 * key their state in the checkpoint, so keep them across versions.
 *
 * <p>Configuration (all optional; {@code --set key=value} on the command line):
 * <ul>
 *   <li>{@code source}: {@code files} (default) reads the text files that appear in {@code input}
 *       (default {@code target/input}); {@code socket} reads lines from {@code host}:{@code port}
 *       (default localhost:9999)
 *   <li>{@code output}: where each batch's results go (default {@code target/output}):
 *       {@code counts-<batch time>/} and {@code totals-<batch time>/}
 * </ul>
 */
@Pipeline(name = "wordcount", batchInterval = "1s", checkpointInterval = "5s")
public class WordCount {

  @Source(id = "lines")
  SourceSpec<String> lines(PipelineConfig conf) {
    String source = conf.get("source", "files");
    return switch (source) {
      case "files" -> Sources.textFiles(conf.get("input", "target/input"));
      case "socket" -> Sources.socketText(conf.get("host", "localhost"), conf.getInt("port", 9999));
      default -> throw new IllegalArgumentException(
          "Configuration key 'source' has value '" + source + "', expected files or socket");
    };
  }

  @Transform(id = "words", from = "lines")
  Iterable<String> split(String line) {
    return Arrays.stream(line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
        .filter(word -> !word.isEmpty())
        .toList();
  }

  @Transform(id = "pairs", from = "words")
  KV<String, Long> one(String word) {
    return KV.of(word, 1L);
  }

  /** Kept up to date incrementally: each slide adds the newest batch and subtracts the one that left. */
  @Window(id = "counts", from = "pairs", length = "3s", slide = "1s", inverse = "minus", keep = "seen")
  long sum(long a, long b) {
    return a + b;
  }

  long minus(long a, long b) {
    return a - b;
  }

  /** Drops a word from the window once its count is back to 0. */
  boolean seen(long count) {
    return count != 0;
  }

  @State(id = "totals", from = "pairs")
  WordStats update(List<Long> counts, WordStats previous) {
    return WordStats.add(previous, counts.stream().mapToLong(Long::longValue).sum());
  }

  @Sink(id = "countsOut", from = "counts")
  SinkSpec<KV<String, Long>> countsOut(PipelineConfig conf) {
    return Sinks.textFiles(conf.get("output", "target/output") + "/counts");
  }

  @Sink(id = "totalsOut", from = "totals")
  SinkSpec<KV<String, WordStats>> totalsOut(PipelineConfig conf) {
    return Sinks.textFiles(conf.get("output", "target/output") + "/totals");
  }
}
