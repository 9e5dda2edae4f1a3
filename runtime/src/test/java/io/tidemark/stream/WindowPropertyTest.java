package io.tidemark.stream;

import static io.tidemark.testing.StreamingTestHarness.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.KV;
import io.tidemark.testing.BatchRecorder;
import io.tidemark.testing.StreamingTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Incremental (inverse) windows, recomputed windows and a direct computation agree on random inputs,
 * window shapes and parallelisms.
 */
class WindowPropertyTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void inverseWindowEqualsRecomputedWindowOnRandomInputs() throws Exception {
    Random random = new Random(20240611);
    for (int round = 0; round < 60; round++) {
      int batches = 4 + random.nextInt(10);
      int slide = 1 + random.nextInt(3);
      int length = slide * (1 + random.nextInt(3)) + (random.nextBoolean() ? 0 : 1);
      int parallelism = 1 + random.nextInt(4);
      List<List<KV<String, Integer>>> input = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        List<KV<String, Integer>> batch = new ArrayList<>();
        for (int i = random.nextInt(8); i > 0; i--) {
          batch.add(KV.of("k" + random.nextInt(5), 1 + random.nextInt(9)));
        }
        input.add(batch);
      }
      String shape = "round " + round + ": length " + length + ", slide " + slide + ", parallelism " + parallelism
          + ", input " + input;
      try (StreamingTestHarness h = new StreamingTestHarness(SECOND, parallelism)) {
        PairDStream<String, Integer> pairs = h.queueOf(input).mapToPair(kv -> kv);
        Duration len = SECOND.multipliedBy(length);
        Duration sl = SECOND.multipliedBy(slide);
        BatchRecorder<KV<String, Integer>> incremental = h.collect(pairs.reduceByKeyAndWindow(
            "window", Integer::sum, (a, b) -> a - b, len, sl, kv -> kv.value() != 0));
        BatchRecorder<KV<String, Integer>> recomputed = h.collect(pairs.reduceByKeyAndWindow(Integer::sum, len, sl));
        h.runBatches(batches + length);
        List<List<KV<String, Integer>>> expected = new ArrayList<>();
        for (int t = slide; t <= batches + length; t += slide) {
          expected.add(directWindow(input, t, length));
        }
        assertThat(sorted(incremental.batches())).as(shape).isEqualTo(expected);
        assertThat(sorted(recomputed.batches())).as(shape).isEqualTo(expected);
      }
    }
  }

  /** Sums per key over the batches numbered (t - length, t] (batch n runs at n seconds). */
  private static List<KV<String, Integer>> directWindow(List<List<KV<String, Integer>>> input, int t, int length) {
    TreeMap<String, Integer> sums = new TreeMap<>();
    for (int n = Math.max(1, t - length + 1); n <= Math.min(t, input.size()); n++) {
      input.get(n - 1).forEach(kv -> sums.merge(kv.key(), kv.value(), Integer::sum));
    }
    List<KV<String, Integer>> pairs = new ArrayList<>();
    sums.forEach((k, v) -> pairs.add(KV.of(k, v)));
    return pairs;
  }
}
