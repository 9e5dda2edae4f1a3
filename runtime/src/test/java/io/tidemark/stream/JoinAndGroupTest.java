package io.tidemark.stream;

import static io.tidemark.testing.StreamingTestHarness.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.KV;
import io.tidemark.testing.BatchRecorder;
import io.tidemark.testing.StreamingTestHarness;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JoinAndGroupTest {

  @Test
  void groupByKeyKeepsArrivalOrder() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(Duration.ofSeconds(1), 3)) {
      BatchRecorder<KV<String, List<Integer>>> out = h.collect(
          h.queueOf(List.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3), KV.of("a", 4)))
              .mapToPair(kv -> kv).groupByKey());
      h.runBatches(2);
      assertThat(sorted(out.batches())).containsExactly(
          List.of(KV.of("a", List.of(1, 3, 4)), KV.of("b", List.of(2))), List.of());
    }
  }

  @Test
  void joinAndLeftOuterJoinWithinABatch() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(Duration.ofSeconds(1), 2)) {
      PairDStream<String, Integer> left = h.queueOf(List.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3)))
          .mapToPair(kv -> kv);
      PairDStream<String, String> right = h.queueOf(List.of(KV.of("a", "x"), KV.of("c", "y"), KV.of("a", "z")))
          .mapToPair(kv -> kv);
      BatchRecorder<KV<String, KV<Integer, String>>> inner = h.collect(left.join(right));
      BatchRecorder<KV<String, KV<Integer, Optional<String>>>> outer = h.collect(left.leftOuterJoin(right));
      h.runBatches(1);
      assertThat(sorted(inner.batches())).containsExactly(List.of(
          KV.of("a", KV.of(1, "x")), KV.of("a", KV.of(1, "z")), KV.of("a", KV.of(3, "x")), KV.of("a", KV.of(3, "z"))));
      assertThat(sorted(outer.batches())).containsExactly(List.of(
          KV.of("a", KV.of(1, Optional.of("x"))), KV.of("a", KV.of(1, Optional.of("z"))),
          KV.of("a", KV.of(3, Optional.of("x"))), KV.of("a", KV.of(3, Optional.of("z"))),
          KV.of("b", KV.of(2, Optional.empty()))));
    }
  }
}
