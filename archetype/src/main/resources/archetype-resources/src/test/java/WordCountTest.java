package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.schema.Serializer;
import io.tidemark.schema.Serializers;
import io.tidemark.function.KV;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the pipeline batch by batch on a manual clock, reading real files and writing real output: its
 * results, a crash and restart on the same checkpoint, and the checkpoint of an older version read by
 * this one.
 */
class WordCountTest {

  @TempDir
  Path dir;

  private Path input;
  private Path output;
  private PipelineConfig config;

  /** The state as the first release kept it: only the total, as an int. */
  record FirstRelease(int total) {}

  /** How the first release wrote its state to the checkpoint. */
  static final Serializer<FirstRelease> FIRST_RELEASE = Serializers.record(FirstRelease.class)
      .field("total", Serializers.ints(), FirstRelease::total)
      .build(values -> new FirstRelease(values.get(0)));

  @Test
  void countsEachWordOverTheWindowAndInTotal() throws Exception {
    configure("run");
    ManualClock clock = new ManualClock();
    try (StreamingTestHarness harness = new StreamingTestHarness(
        WordCountContext.createContext(WordCountContext.builder().clock(clock).parallelism(2), config), clock)) {
      feed(1000, "The cat sat.");
      feed(2000, "the dog, the end");
      harness.runBatches(4);
    }
    assertThat(output("counts", 1000)).containsExactly("(cat,1)", "(sat,1)", "(the,1)");
    assertThat(output("counts", 3000)).containsExactly("(cat,1)", "(dog,1)", "(end,1)", "(sat,1)", "(the,3)");
    // the 3-second window no longer holds the first batch
    assertThat(output("counts", 4000)).containsExactly("(dog,1)", "(end,1)", "(the,2)");
    assertThat(totals(4000)).isEqualTo(Map.of("cat", 1L, "dog", 1L, "end", 1L, "sat", 1L, "the", 3L));
  }

  /** The text each batch of the crash test takes, by batch time. */
  private static final Map<Long, String> INPUT = Map.of(1000L, "to be or not", 2000L, "to be", 4000L, "be quick");

  @Test
  void aRestartAfterACrashContinuesExactlyWhereTheCrashedRunWas() throws Exception {
    configure("straight");
    Path straightCheckpoint = dir.resolve("straight-checkpoint");
    ManualClock straight = new ManualClock();
    try (StreamingTestHarness harness = recover(straightCheckpoint, straight)) {
      feed(INPUT, 1000, 2000, 4000);
      harness.runBatches(5);
    }
    Map<String, List<String>> uninterrupted = outputs();

    configure("crashed");
    Path checkpoint = dir.resolve("checkpoint");
    ManualClock beforeCrash = new ManualClock();
    try (StreamingTestHarness harness = recover(checkpoint, beforeCrash)) {
      feed(INPUT, 1000, 2000);
      harness.runBatches(3);
    } // stopped abruptly, as by a crash: no final checkpoint
    ManualClock afterRestart = new ManualClock(beforeCrash.nowMillis());
    try (StreamingTestHarness harness = recover(checkpoint, afterRestart)) {
      feed(INPUT, 4000);
      harness.runBatches(2);
    }

    assertThat(outputs()).isEqualTo(uninterrupted);
    assertThat(totals(5000)).isEqualTo(Map.of("be", 3L, "not", 1L, "or", 1L, "quick", 1L, "to", 2L));
  }

  @Test
  void readsTheCheckpointOfTheFirstRelease() throws Exception {
    configure("upgrade");
    Path checkpoint = dir.resolve("checkpoint");
    ManualClock firstRelease = new ManualClock();
    StreamingContext old = StreamingContext.getOrCreate(checkpoint.toString(), () -> {
      StreamingContext context = WordCountContext.builder()
          .clock(firstRelease)
          .checkpointInterval(Duration.ofSeconds(1))
          .build();
      context.textFileStream(input).uid("lines")
          .flatMap(line -> List.of(line.split(" "))).uid("words")
          .mapToPair(word -> KV.of(word, 1L)).uid("pairs")
          .updateStateByKey("totals", Serializers.strings(), FIRST_RELEASE,
              (List<Long> counts, Optional<FirstRelease> previous) ->
                  new FirstRelease(previous.map(FirstRelease::total).orElse(0) + counts.size()))
          .saveAsTextFiles(output.resolve("totals").toString()).uid("totalsOut");
      return context;
    });
    try (StreamingTestHarness harness = new StreamingTestHarness(old, firstRelease)) {
      feed(1000, "old news");
      feed(2000, "old old");
      harness.runBatches(2);
    }
    // what the new version knows of that input comes from the checkpoint only
    deleteInput();

    try (StreamingTestHarness harness = recover(checkpoint, new ManualClock(firstRelease.nowMillis()))) {
      feed(3000, "new news");
      harness.runBatches(1);
    }
    assertThat(totals(3000)).isEqualTo(Map.of("new", 1L, "news", 2L, "old", 3L));
  }

  private void configure(String run) throws IOException {
    input = Files.createDirectories(dir.resolve(run).resolve("input"));
    output = dir.resolve(run).resolve("output");
    config = PipelineConfig.of(Map.of("input", input.toString(), "output", output.toString()));
  }

  /** The pipeline recovered from {@code checkpoint}, or new if it holds none, running on {@code clock}. */
  private StreamingTestHarness recover(Path checkpoint, ManualClock clock) {
    StreamingContext context = StreamingContext.getOrCreate(checkpoint.toString(),
        () -> WordCountContext.createContext(WordCountContext.builder().clock(clock).parallelism(2), config));
    return new StreamingTestHarness(context, clock);
  }

  /** A file of {@code text} taken by the batch at {@code batchTime}: modified half a batch before it. */
  private void feed(long batchTime, String text) throws IOException {
    Path file = Files.writeString(input.resolve("lines-" + batchTime + ".txt"), text + "\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(batchTime - 500));
  }

  private void feed(Map<Long, String> input, long... batchTimes) throws IOException {
    for (long batchTime : batchTimes) {
      feed(batchTime, input.get(batchTime));
    }
  }

  private void deleteInput() throws IOException {
    try (Stream<Path> files = Files.list(input)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
  }

  /** The lines the sink {@code name} wrote for the batch at {@code batchTime}, sorted. */
  private List<String> output(String name, long batchTime) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(output.resolve(name + "-" + batchTime))) {
      for (Path part : (Iterable<Path>) parts::iterator) {
        lines.addAll(Files.readAllLines(part));
      }
    }
    lines.sort(null);
    return lines;
  }

  /** Every batch directory the sinks wrote, with its sorted lines. */
  private Map<String, List<String>> outputs() throws IOException {
    Map<String, List<String>> batches = new TreeMap<>();
    try (Stream<Path> directories = Files.list(output)) {
      for (Path batch : (Iterable<Path>) directories::iterator) {
        String name = batch.getFileName().toString();
        int dash = name.lastIndexOf('-');
        batches.put(name, output(name.substring(0, dash), Long.parseLong(name.substring(dash + 1))));
      }
    }
    return batches;
  }

  private static final Pattern TOTAL = Pattern.compile("\\((.+),\\w+\\[total=(\\d+)[,\\]].*");

  /** Each word's total in the batch at {@code batchTime}, whatever else its state holds. */
  private Map<String, Long> totals(long batchTime) throws IOException {
    Map<String, Long> totals = new TreeMap<>();
    for (String line : output("totals", batchTime)) {
      Matcher matcher = TOTAL.matcher(line);
      assertThat(matcher.matches()).as(line).isTrue();
      totals.put(matcher.group(1), Long.parseLong(matcher.group(2)));
    }
    return totals;
  }
}
