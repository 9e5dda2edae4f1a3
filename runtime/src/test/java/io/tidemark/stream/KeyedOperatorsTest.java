package io.tidemark.stream;

import static io.tidemark.testing.StreamingTestHarness.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.testing.BatchRecorder;
import io.tidemark.testing.StreamingTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyedOperatorsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void mapAndReduceByKeyCountWordsPerBatch(int parallelism) throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, parallelism)) {
      BatchRecorder<KV<String, Integer>> out = h.collect(
          h.queueOf(List.of("a", "a", "b"), List.of("", ""), List.<String>of())
              .mapToPair(w -> KV.of(w, 1))
              .reduceByKey(Integer::sum));
      h.runBatches(3);
      assertThat(sorted(out.batches())).containsExactly(
          List.of(KV.of("a", 2), KV.of("b", 1)), List.of(KV.of("", 2)), List.of());
      assertThat(out.times()).containsExactly(new BatchTime(1000), new BatchTime(2000), new BatchTime(3000));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void invertibleWindowCountsTheLastFourBatches(int parallelism) throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, parallelism)) {
      BatchRecorder<KV<String, Integer>> out = h.collect(
          h.queueOf(Collections.nCopies(10, List.of("a"))).mapToPair(w -> KV.of(w, 1))
              .reduceByKeyAndWindow("counts", Integer::sum, (a, b) -> a - b, Duration.ofSeconds(4), SECOND));
      h.runBatches(10);
      List<List<KV<String, Integer>>> expected = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        expected.add(List.of(KV.of("a", Math.min(i, 4))));
      }
      assertThat(out.batches()).isEqualTo(expected);
    }
  }

  @Test
  void updateStateByKeyRunsATotal() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      BatchRecorder<KV<String, Integer>> out = h.collect(
          h.queueOf(Collections.nCopies(10, List.of("a"))).mapToPair(w -> KV.of(w, 1))
              .updateStateByKey("totals", (List<Integer> values, Optional<Integer> state) ->
                  state.orElse(0) + values.stream().mapToInt(Integer::intValue).sum()));
      h.runBatches(10);
      List<List<KV<String, Integer>>> expected = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        expected.add(List.of(KV.of("a", i)));
      }
      assertThat(out.batches()).isEqualTo(expected);
    }
  }
}
