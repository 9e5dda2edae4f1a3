package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.KV;
import io.tidemark.schema.Serializers;
import io.tidemark.stream.DStream;
import io.tidemark.stream.StateSpec;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios of Spark Streaming's CheckpointSuite, each as an in-process stop and restart through
 * {@code getOrCreate} on a temporary directory: the outputs of the interrupted run must be those of an
 * uninterrupted one, no batch missing or repeated.
 */
class RecoveryScenariosTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final List<List<String>> ONE_A_PER_BATCH = nCopies(10, List.of("a"));

  @TempDir
  Path tmp;

  private static List<List<String>> nCopies(int n, List<String> batch) {
    return new ArrayList<>(java.util.Collections.nCopies(n, batch));
  }

  /** A context on {@code clock} (parallelism 2, state checkpointed every {@code interval}) reading {@code batches}. */
  private static StreamingContext context(ManualClock clock, Duration interval) {
    return StreamingContext.builder(SECOND).clock(clock).parallelism(2).checkpointInterval(interval).build();
  }

  private static DStream<String> queue(StreamingContext context, List<List<String>> batches) {
    return context.queueStream(new ConcurrentLinkedQueue<>(batches), true);
  }

  /** Records every batch as "time: sorted elements". */
  private static <T> void record(DStream<T> stream, List<String> out) {
    stream.foreachBatch((time, batch) -> out.add(time.milliseconds() + ": "
        + batch.stream().map(String::valueOf).sorted().toList()));
  }

  /** The outputs of the pipeline run with restarts after each of {@code stints} batches, and run straight through. */
  private List<List<String>> interruptedAndStraight(Function<List<String>, Function<ManualClock, StreamingContext>> pipeline,
      int... stints) throws Exception {
    List<String> interrupted = new CopyOnWriteArrayList<>();
    Restarts restarts = new Restarts(tmp.resolve("interrupted"), pipeline.apply(interrupted));
    int total = 0;
    for (int batches : stints) {
      restarts.run(batches);
      total += batches;
    }
    List<String> straight = new CopyOnWriteArrayList<>();
    new Restarts(tmp.resolve("straight"), pipeline.apply(straight)).run(total);
    return List.of(interrupted, straight);
  }

  @Test
  void mapAndReduceByKeyRestartAfterThreeBatches() throws Exception {
    List<List<String>> batches = List.of(List.of("a", "b", "a"), List.of("b"), List.of("c", "a"), List.of("a"),
        List.of("b", "b"));
    List<List<String>> runs = interruptedAndStraight(out -> clock -> {
      StreamingContext context = context(clock, SECOND);
      record(queue(context, batches).mapToPair(w -> KV.of(w, 1L)).reduceByKey(Long::sum), out);
      return context;
    }, 3, 2);
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).containsExactly(
        "1000: [(a,2), (b,1)]", "2000: [(b,1)]", "3000: [(a,1), (c,1)]", "4000: [(a,1)]", "5000: [(b,2)]");
  }

  @Test
  void invertibleWindowKeepsItsCountAcrossARestart() throws Exception {
    // window 4 s, slide 1 s, state every 2 batches, restart after 7: batch 7 is recomputed from the state of 6
    List<List<String>> runs = interruptedAndStraight(out -> clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      record(queue(context, ONE_A_PER_BATCH).mapToPair(w -> KV.of(w, 1L)).reduceByKeyAndWindow("counts",
          Serializers.strings(), Serializers.longs(), Long::sum, (a, b) -> a - b, Duration.ofSeconds(4), SECOND), out);
      return context;
    }, 7, 3);
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).containsExactly(
        "1000: [(a,1)]", "2000: [(a,2)]", "3000: [(a,3)]", "4000: [(a,4)]", "5000: [(a,4)]", "6000: [(a,4)]",
        "7000: [(a,4)]", "8000: [(a,4)]", "9000: [(a,4)]", "10000: [(a,4)]");
  }

  @Test
  void aWindowWithoutStateIsRefilledByRecomputingBatchesTheStateAlreadyHolds() throws Exception {
    // the state of 6 s already counts batches 5 and 6; they are recomputed only to refill the plain window
    List<List<String>> batches = List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"), List.of("e"),
        List.of("f"), List.of("g"), List.of("h"));
    List<List<String>> runs = interruptedAndStraight(out -> clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      DStream<String> words = queue(context, batches);
      record(words.window(Duration.ofSeconds(3), SECOND), out);
      record(words.mapToPair(w -> KV.of("all", 1L)).updateStateByKey("total", Serializers.strings(),
          Serializers.longs(), (List<Long> values, Optional<Long> total) -> total.orElse(0L) + values.size()), out);
      return context;
    }, 7, 1);
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).endsWith("8000: [f, g, h]", "8000: [(all,8)]");
  }

  @Test
  void aWindowDownstreamOfStateIsRefilledAcrossARestart() throws Exception {
    // the window of 8 s holds the totals of 6 and 7 s; the state of 6 s alone cannot give them back
    List<List<String>> runs = interruptedAndStraight(out -> clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      record(queue(context, ONE_A_PER_BATCH).mapToPair(w -> KV.of(w, 1L)).updateStateByKey("totals",
          Serializers.strings(), Serializers.longs(),
          (List<Long> values, Optional<Long> total) -> total.orElse(0L) + values.size())
          .window(Duration.ofSeconds(3), SECOND), out);
      return context;
    }, 7, 3);
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).hasSize(10)
        .contains("8000: [(a,6), (a,7), (a,8)]").last().isEqualTo("10000: [(a,10), (a,8), (a,9)]");
  }

  @Test
  void aReduceByKeyAndWindowWithoutInverseDownstreamOfStateRestartsTwice() throws Exception {
    List<List<String>> batches = List.of(List.of("a", "b"), List.of("a"), List.of("b", "b", "c"), List.of(),
        List.of("a"), List.of("c"), List.of("a", "c"), List.of("b"), List.of(), List.of("a"));
    List<List<String>> runs = interruptedAndStraight(out -> clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      record(queue(context, batches).mapToPair(w -> KV.of(w, 1L))
          .updateStateByKey("counts", Serializers.strings(), Serializers.longs(),
              (List<Long> values, Optional<Long> count) -> count.orElse(0L) + values.size())
          .reduceByKeyAndWindow(Long::sum, Duration.ofSeconds(4), Duration.ofSeconds(2)), out);
      return context;
    }, 5, 4, 1);
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).hasSize(5).last().isEqualTo("10000: [(a,17), (b,15), (c,12)]");
  }

  @Test
  void updateStateByKeyRestartAfterSevenOfTen() throws Exception {
    List<List<String>> runs = interruptedAndStraight(out -> clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      record(queue(context, ONE_A_PER_BATCH).mapToPair(w -> KV.of(w, 1L)).updateStateByKey("totals",
          Serializers.strings(), Serializers.longs(),
          (List<Long> values, Optional<Long> total) -> total.orElse(0L) + values.size()), out);
      return context;
    }, 7, 3);
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).hasSize(10).last().isEqualTo("10000: [(a,10)]");
  }

  @Test
  void twoChainedStageStatesRestartTwice() throws Exception {
    List<List<String>> batches = List.of(List.of("a", "b"), List.of("a"), List.of("b", "b", "c"), List.of(),
        List.of("a"), List.of("c"), List.of("a", "c"));
    List<List<String>> runs = interruptedAndStraight(out -> clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      record(queue(context, batches).mapToPair(w -> KV.of(w, 1L))
          .updateStateByKey("counts", Serializers.strings(), Serializers.longs(),
              (List<Long> values, Optional<Long> count) -> count.orElse(0L) + values.size())
          .mapToPair(kv -> KV.of(kv.key(), kv.value()))
          .updateStateByKey("sums", Serializers.strings(), Serializers.longs(),
              (List<Long> counts, Optional<Long> sum) -> sum.orElse(0L) + counts.stream().mapToLong(c -> c).sum()),
          out);
      return context;
    }, 3, 1, 3);
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).hasSize(7).last().isEqualTo("7000: [(a,17), (b,17), (c,8)]");
  }

  @Test
  void mapWithStateTimesOutAKeyAcrossARestart() throws Exception {
    List<List<String>> batches = List.of(List.of("a", "b"), List.of("a"), List.of("b"), List.of(), List.of(),
        List.of("b"));
    List<List<String>> runs = interruptedAndStraight(out -> clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      StateSpec<String, Long, Long, String> spec = StateSpec.<String, Long, Long, String>function((key, value, state) -> {
        if (state.isTimingOut()) {
          return key + " timed out at " + state.get();
        }
        long count = state.getOption().orElse(0L) + value.orElseThrow();
        state.update(count);
        return key + "=" + count;
      }).timeout(Duration.ofSeconds(2));
      record(queue(context, batches).mapToPair(w -> KV.of(w, 1L))
          .mapWithState("sessions", Serializers.strings(), Serializers.longs(), spec), out);
      return context;
    }, 3, 3);
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).containsExactly("1000: [a=1, b=1]", "2000: [a=2]", "3000: [b=2]",
        "4000: []", "5000: [a timed out at 2]", "6000: [b=3]");
  }

  @Test
  void retentionKeepsTheNewestMetadataAndTheStateTheyNeed() throws Exception {
    Path dir = tmp.resolve("ckpt");
    new Restarts(dir, clock -> {
      StreamingContext context = StreamingContext.builder(SECOND).clock(clock).parallelism(2)
          .checkpointInterval(Duration.ofSeconds(2)).checkpointRetention(2).build();
      queue(context, ONE_A_PER_BATCH).mapToPair(w -> KV.of(w, 1L)).updateStateByKey("totals",
          Serializers.strings(), Serializers.longs(),
          (List<Long> values, Optional<Long> total) -> total.orElse(0L) + values.size()).print();
      return context;
    }).run(7);
    // the metadata of 6 s and 7 s reference the state of 6 s; the state of 2 and 4 s is gone
    assertThat(names(dir.resolve("metadata"))).containsExactly("batch-6000.json", "batch-7000.json");
    assertThat(names(dir.resolve("state/totals"))).containsExactly("6000");
    assertThat(names(dir.resolve("state/totals/6000"))).containsExactly("part-0", "part-1");
    assertThat(names(dir)).containsExactly("metadata", "state"); // the lock went with the stop
  }

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted(Comparator.naturalOrder()).toList();
    }
  }

  @Test
  void aMissingDirectoryCreatesTheContextOnceAndSaysSoOnlyOnTheFirstRun() throws Exception {
    Restarts restarts = new Restarts(tmp.resolve("new/ckpt"), clock -> {
      StreamingContext context = context(clock, SECOND);
      queue(context, ONE_A_PER_BATCH).print();
      return context;
    });
    String first = CapturedStderr.of(() -> restarts.run(2));
    assertThat(restarts.factoryCalls()).isEqualTo(1);
    String second = CapturedStderr.of(() -> restarts.run(1));
    assertThat(restarts.factoryCalls()).isEqualTo(2);
    assertThat(first).contains("creating new context");
    assertThat(second).doesNotContain("creating new context").contains("Recovering from");
  }

  @Test
  void aDirectorySourceTakesFilesThatArrivedWhileDownAndNoFileTwice() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("input"));
    List<String> out = new CopyOnWriteArrayList<>();
    Restarts restarts = new Restarts(tmp.resolve("ckpt"), clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      record(context.textFileStream(input), out);
      return context;
    });
    file(input, "one.txt", 500, "1");
    restarts.run(2);
    file(input, "two.txt", 2_500, "2");
    file(input, "three.txt", 3_200, "3"); // arrives while the pipeline is down
    restarts.down(2_000);
    restarts.run(1);
    file(input, "four.txt", 5_300, "4");
    restarts.run(1);
    assertThat(out).containsExactly("1000: [1]", "2000: []", "5000: [2, 3]", "6000: [4]");
  }

  private static void file(Path dir, String name, long modifiedMillis, String line) throws Exception {
    Files.setLastModifiedTime(Files.writeString(dir.resolve(name), line + "\n"), FileTime.fromMillis(modifiedMillis));
  }

  @Test
  void textFileOutputAfterRestartsEqualsAnUninterruptedRun() throws Exception {
    Function<Path, Function<ManualClock, StreamingContext>> pipeline = out -> clock -> {
      StreamingContext context = context(clock, Duration.ofSeconds(2));
      queue(context, ONE_A_PER_BATCH).mapToPair(w -> KV.of(w, 1L)).reduceByKeyAndWindow("counts",
          Serializers.strings(), Serializers.longs(), Long::sum, (a, b) -> a - b, Duration.ofSeconds(3), SECOND)
          .saveAsTextFiles(out.resolve("counts").toString());
      return context;
    };
    Restarts interrupted = new Restarts(tmp.resolve("ckpt1"), pipeline.apply(tmp.resolve("out1")));
    interrupted.run(4);
    interrupted.run(3);
    interrupted.run(3);
    new Restarts(tmp.resolve("ckpt2"), pipeline.apply(tmp.resolve("out2"))).run(10);
    java.util.Map<String, String> files = contents(tmp.resolve("out1"));
    assertThat(files).isEqualTo(contents(tmp.resolve("out2"))).hasSize(10 * 2);
    assertThat(files.get("counts-10000/part-00000") + files.get("counts-10000/part-00001")).isEqualTo("(a,3)\n");
  }

  /** Every file under {@code dir} by its relative path, with its text. */
  private static java.util.Map<String, String> contents(Path dir) throws Exception {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
