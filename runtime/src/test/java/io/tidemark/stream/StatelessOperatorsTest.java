package io.tidemark.stream;

import static io.tidemark.testing.StreamingTestHarness.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.testing.BatchRecorder;
import io.tidemark.testing.StreamingTestHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatelessOperatorsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void narrowOperationsRunFusedPerBatch() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      BatchRecorder<String> out = h.collect(h.queueOf(List.of("a b", "c"), List.of("d e f"))
          .flatMap(line -> Arrays.asList(line.split(" ")))
          .filter(word -> !word.equals("e"))
          .map(String::toUpperCase));
      h.runBatches(3);
      assertThat(out.batches()).containsExactly(List.of("A", "B", "C"), List.of("D", "F"), List.of());
    }
  }

  @Test
  void unionHoldsBothStreamsElements() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      DStream<Integer> odd = h.queueOf(List.of(1, 3), List.of(5));
      DStream<Integer> even = h.queueOf(List.of(2), List.of(), List.of(4));
      BatchRecorder<Integer> out = h.collect(odd.union(even));
      h.runBatches(3);
      assertThat(sorted(out.batches())).containsExactly(List.of(1, 2, 3), List.of(5), List.of(4));
    }
  }

  @Test
  void transformSeesTheWholeBatchAndItsTime() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 3)) {
      BatchRecorder<String> out = h.collect(h.queueOf(List.of(5, 1, 4, 2, 3), List.of(9))
          .transform((time, batch) -> batch.stream().sorted().limit(2).map(n -> time.milliseconds() + ":" + n).toList()));
      h.runBatches(2);
      assertThat(out.batches()).containsExactly(List.of("1000:1", "1000:2"), List.of("2000:9"));
    }
  }

  @Test
  void windowWithSlideOfTwoBatchesEmitsEveryOtherBatch() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      DStream<Integer> numbers = h.queueOf(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5), List.of(6));
      DStream<Integer> windowed = numbers.window(Duration.ofSeconds(3), Duration.ofSeconds(2));
      BatchRecorder<Integer> out = h.collect(windowed);
      BatchRecorder<Integer> shifted = h.collect(windowed.map(n -> n + 10));
      h.runBatches(6);
      assertThat(out.times()).containsExactly(new BatchTime(2000), new BatchTime(4000), new BatchTime(6000));
      assertThat(sorted(out.batches())).containsExactly(List.of(1, 2), List.of(2, 3, 4), List.of(4, 5, 6));
      assertThat(sorted(shifted.batches())).containsExactly(List.of(11, 12), List.of(12, 13, 14), List.of(14, 15, 16));
      assertThat(windowed.slideDuration()).isEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void countAndCountByWindow() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      DStream<String> letters = h.queueOf(List.of("a", "b"), List.of("c"), List.of(), List.of());
      BatchRecorder<Long> counts = h.collect(letters.count());
      BatchRecorder<Long> windowed = h.collect(letters.countByWindow(Duration.ofSeconds(2), SECOND));
      h.runBatches(4);
      assertThat(counts.batches()).containsExactly(List.of(2L), List.of(1L), List.of(0L), List.of(0L));
      assertThat(windowed.batches()).containsExactly(List.of(2L), List.of(3L), List.of(1L), List.of(0L));
    }
  }

  @Test
  void printShowsTheFirstElementsUnderSparksHeader() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      DStream<Integer> numbers = h.queueOf(List.of(1, 2, 3), List.of(4));
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        numbers.print(2);
      } finally {
        System.setOut(original);
      }
      h.runBatches(2);
    }
    String rule = "-------------------------------------------\n";
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo(
        rule + "Time: 1000 ms\n" + rule + "1\n2\n...\n\n" + rule + "Time: 2000 ms\n" + rule + "4\n\n");
  }

  @Test
  void parallelismDoesNotChangeResults() throws Exception {
    assertThat(wordStatistics(4)).isEqualTo(wordStatistics(1));
  }

  /** A pipeline touching every keyed operator, over 3 batches of 200 lines from a fixed seed. */
  private static List<List<String>> wordStatistics(int parallelism) throws Exception {
    java.util.Random random = new java.util.Random(7);
    List<List<String>> batches = IntStream.range(0, 3).mapToObj(b -> IntStream.range(0, 200)
        .mapToObj(i -> "w" + random.nextInt(30) + " w" + random.nextInt(30)).toList()).toList();
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, parallelism)) {
      PairDStream<String, Integer> pairs = h.queueOf(batches).flatMap(l -> Arrays.asList(l.split(" ")))
          .mapToPair(w -> KV.of(w, w.length()));
      BatchRecorder<String> out = h.collect(pairs.reduceByKey(Integer::sum)
          .join(pairs.groupByKey().mapToPair(kv -> KV.of(kv.key(), kv.value().size())))
          .union(pairs.updateStateByKey("lengths", (List<Integer> v, java.util.Optional<Integer> s) ->
              s.orElse(0) + v.size()).mapToPair(kv -> KV.of(kv.key(), KV.of(kv.value(), 0))))
          .map(String::valueOf));
      h.runBatches(3);
      return sorted(out.batches());
    }
  }
}
