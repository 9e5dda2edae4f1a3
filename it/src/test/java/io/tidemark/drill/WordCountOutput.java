package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text-file output of {@link DrilledWordCount}: one {@code counts-<time>} and one {@code
 * totals-<time>} directory per batch, each holding {@code (word,count)} lines in part files. Hidden
 * entries (a sink's temporary or replaced directory left by a crash) are not output.
 */
final class WordCountOutput {

  static final String COUNTS = "counts";
  static final String TOTALS = "totals";

  private final Path directory;

  WordCountOutput(Path directory) {
    this.directory = directory;
  }

  /** Each batch's words and counts under {@code prefix}, by batch time. */
  TreeMap<Long, Map<String, Long>> batches(String prefix) {
    TreeMap<Long, Map<String, Long>> batches = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(directory)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(prefix + "-")).toList()) {
        batches.put(Long.parseLong(dir.getFileName().toString().substring(prefix.length() + 1)), read(dir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return batches;
  }

  private static Map<String, Long> read(Path batch) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    try (Stream<Path> parts = Files.list(batch)) {
      for (Path part : parts.sorted().toList()) {
        for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
          int comma = line.lastIndexOf(',');
          Long previous = counts.put(line.substring(1, comma), Long.parseLong(line.substring(comma + 1, line.length() - 1)));
          assertThat(previous).as("word %s twice in %s", line, batch).isNull();
        }
      }
    }
    return counts;
  }

  /** The totals of the newest batch; empty before the first. A directory a rerun is replacing reads as not there yet. */
  Map<String, Long> newestTotals() {
    try {
      TreeMap<Long, Map<String, Long>> totals = batches(TOTALS);
      return totals.isEmpty() ? Map.of() : totals.lastEntry().getValue();
    } catch (UncheckedIOException e) {
      return Map.of();
    }
  }

  /** The per-batch counts added up over all batches. */
  Map<String, Long> summedCounts() {
    Map<String, Long> sum = new TreeMap<>();
    batches(COUNTS).values().forEach(batch -> batch.forEach((word, count) -> sum.merge(word, count, Long::sum)));
    return sum;
  }

  /**
   * Exactly-once output of {@code expected} word counts: the per-batch counts add up to them (no batch
   * lost, none counted twice: a rerun batch replaced its directory), the newest totals are them, and
   * every batch's totals are the sum of the counts of it and all earlier batches (so each batch's output
   * is whole and the state was restored to exactly the batch before it).
   */
  void assertExactlyOnce(Map<String, Long> expected) {
    assertThat(summedCounts()).as("per-batch counts added up").isEqualTo(expected);
    assertThat(new TreeMap<>(newestTotals())).as("the newest totals").isEqualTo(expected);
    TreeMap<Long, Map<String, Long>> counts = batches(COUNTS);
    TreeMap<Long, Map<String, Long>> totals = batches(TOTALS);
    assertThat(totals.keySet()).as("batches with totals").isEqualTo(counts.keySet());
    Map<String, Long> running = new HashMap<>();
    for (Map.Entry<Long, Map<String, Long>> batch : counts.entrySet()) {
      batch.getValue().forEach((word, count) -> running.merge(word, count, Long::sum));
      assertThat(totals.get(batch.getKey())).as("totals of batch %d", batch.getKey()).isEqualTo(running);
    }
  }

  /** The batch times with any output. */
  List<Long> batchTimes() {
    return List.copyOf(batches(COUNTS).keySet());
  }
}
