package test;

import io.tidemark.annotation.Pipeline;
import io.tidemark.annotation.Sink;
import io.tidemark.annotation.Source;
import io.tidemark.annotation.State;
import io.tidemark.annotation.Transform;
import io.tidemark.annotation.Window;
import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.SourceSpec;
import io.tidemark.stream.Sources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** The DESIGN's word count, reading a queue the test fills and logging what its sinks receive. */
@Pipeline(name = "wordcount", batchInterval = "1s", checkpointInterval = "10s")
public class WordCount {

  public static final Queue<List<String>> INPUT = new ConcurrentLinkedQueue<>();
  public static final List<String> OUTPUT = new CopyOnWriteArrayList<>();

  @Source(id = "lines")
  SourceSpec<String> lines(PipelineConfig conf) {
    return Sources.queue(INPUT);
  }

  @Transform(id = "words", from = "lines")
  Iterable<String> split(String line) {
    return List.of(line.split(" "));
  }

  @Transform(id = "nonEmpty", from = "words")
  boolean nonEmpty(String word) {
    return !word.isEmpty();
  }

  @Transform(id = "pairs", from = "nonEmpty")
  KV<String, Long> one(String word) {
    return KV.of(word, 1L);
  }

  @Window(id = "counts", from = "pairs", length = "2s", slide = "1s", inverse = "minus",
      keep = "nonZero")
  long sum(long a, long b) {
    return a + b;
  }

  long minus(long a, long b) {
    return a - b;
  }

  boolean nonZero(long count) {
    return count != 0;
  }

  @State(id = "totals", from = "pairs")
  WordStats update(List<Long> counts, WordStats previous) {
    long batch = counts.stream().mapToLong(Long::longValue).sum();
    if (previous == null) {
      return new WordStats(batch, batch, 1);
    }
    return new WordStats(previous.total() + batch, Math.max(previous.maxPerBatch(), batch),
        previous.lastBatch() + 1);
  }

  @Sink(id = "countsOut", from = "counts")
  void counts(BatchTime time, List<KV<String, Long>> batch) {
    OUTPUT.add("counts@" + time.milliseconds() + " " + sorted(batch));
  }

  @Sink(id = "totalsOut", from = "totals")
  void totals(BatchTime time, List<KV<String, WordStats>> batch) {
    OUTPUT.add("totals@" + time.milliseconds() + " " + sorted(batch));
  }

  private static List<String> sorted(List<?> batch) {
    List<String> texts = new ArrayList<>();
    batch.forEach(element -> texts.add(element.toString()));
    texts.sort(Comparator.naturalOrder());
    return texts;
  }
}
