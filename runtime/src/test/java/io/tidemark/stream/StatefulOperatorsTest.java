package io.tidemark.stream;

import static io.tidemark.testing.StreamingTestHarness.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.function.StreamingListener;
import io.tidemark.testing.BatchRecorder;
import io.tidemark.testing.StreamingTestHarness;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatefulOperatorsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void updateStateByKeyRemovesAKeyWhenTheUpdateReturnsNull() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      // a key's state is its running count; a "-" record resets (removes) the key
      BatchRecorder<KV<String, Integer>> out = h.collect(
          h.queueOf(List.of("a", "b", "a"), List.of("b"), List.of("a-"), List.of(), List.of("a"))
              .mapToPair(s -> KV.of(s.substring(0, 1), s.endsWith("-") ? -1 : 1))
              .updateStateByKey("counts", (List<Integer> values, Optional<Integer> state) ->
                  values.contains(-1) ? null : state.orElse(0) + values.size()));
      h.runBatches(5);
      assertThat(sorted(out.batches())).containsExactly(
          List.of(KV.of("a", 2), KV.of("b", 1)),
          List.of(KV.of("a", 2), KV.of("b", 2)),
          List.of(KV.of("b", 2)),
          List.of(KV.of("b", 2)),
          List.of(KV.of("a", 1), KV.of("b", 2)));
    }
  }

  @Test
  void updateStateByKeyCanBeToldTheKey() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      // a key's state lists what it was seen with; key "x" is never kept
      BatchRecorder<KV<String, String>> out = h.collect(
          h.queueOf(List.of("a1", "x1", "a2"), List.of("b3"), List.of())
              .mapToPair(s -> KV.of(s.substring(0, 1), s.substring(1)))
              .updateStateByKey("seen", (String key, List<String> values, Optional<String> state) ->
                  key.equals("x") ? null : state.orElse(key + ":") + String.join("", values.stream().sorted().toList())));
      h.runBatches(3);
      assertThat(sorted(out.batches())).containsExactly(
          List.of(KV.of("a", "a:12")),
          List.of(KV.of("a", "a:12"), KV.of("b", "b:3")),
          List.of(KV.of("a", "a:12"), KV.of("b", "b:3")));
    }
  }

  @Test
  void mapWithStateTimesOutIdleKeysAndSnapshotsState() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      StateSpec<String, Integer, Integer, String> spec = StateSpec.<String, Integer, Integer, String>function(
          (key, value, state) -> {
            if (state.isTimingOut()) {
              return key + " timed out at " + state.get();
            }
            int count = state.getOption().orElse(0) + value.orElseThrow();
            state.update(count);
            return key + "=" + count;
          }).timeout(Duration.ofSeconds(2));
      MapWithStateDStream<String, Integer, Integer, String> mapped = h.queueOf(List.of("a", "b"), List.of("a"))
          .mapToPair(w -> KV.of(w, 1))
          .mapWithState("sessions", spec);
      BatchRecorder<String> out = h.collect(mapped);
      BatchRecorder<KV<String, Integer>> snapshots = h.collect(mapped.stateSnapshots());
      h.runBatches(5);
      // idle for more than 2 s: b (last record at 1 s) at 4 s, a (last record at 2 s) at 5 s
      assertThat(sorted(out.batches())).containsExactly(
          List.of("a=1", "b=1"), List.of("a=2"), List.of(), List.of("b timed out at 1"), List.of("a timed out at 2"));
      assertThat(sorted(snapshots.batches())).containsExactly(
          List.of(KV.of("a", 1), KV.of("b", 1)), List.of(KV.of("a", 2), KV.of("b", 1)),
          List.of(KV.of("a", 2), KV.of("b", 1)), List.of(KV.of("a", 2)), List.of());
    }
  }

  @Test
  void mapWithStateCanRemoveStateAndEmitsNothingForNull() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 1)) {
      MapWithStateDStream<String, String, String, String> mapped = h.queueOf(
              List.of(KV.of("k", "x"), KV.of("k", "y")), List.of(KV.of("k", "stop")), List.of(KV.of("k", "z")))
          .mapToPair(kv -> kv)
          .mapWithState("last", StateSpec.<String, String, String, String>function((key, value, state) -> {
            String previous = state.getOption().orElse("none");
            if (value.orElseThrow().equals("stop")) {
              state.remove();
              return null;
            }
            state.update(value.get());
            return previous + "->" + value.get();
          }));
      BatchRecorder<String> out = h.collect(mapped);
      h.runBatches(3);
      assertThat(out.batches()).containsExactly(List.of("none->x", "x->y"), List.of(), List.of("none->z"));
    }
  }

  @Test
  void inverseWindowWithLongerSlideAndFilterMatchesTheRecomputedWindow() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      PairDStream<String, Integer> ones = h.queueOf(List.of("a"), List.of("a", "b"), List.of("b"), List.of(),
          List.of(), List.of()).mapToPair(w -> KV.of(w, 1));
      Duration length = Duration.ofSeconds(4);
      Duration slide = Duration.ofSeconds(2);
      BatchRecorder<KV<String, Integer>> incremental = h.collect(ones.reduceByKeyAndWindow(
          "counts", Integer::sum, (x, y) -> x - y, length, slide, kv -> kv.value() != 0));
      BatchRecorder<KV<String, Integer>> unfiltered = h.collect(ones.reduceByKeyAndWindow(
          "countsWithZeros", Integer::sum, (x, y) -> x - y, length, slide));
      BatchRecorder<KV<String, Integer>> recomputed = h.collect(ones.reduceByKeyAndWindow(Integer::sum, length, slide));
      h.runBatches(6);
      assertThat(incremental.times()).containsExactly(new BatchTime(2000), new BatchTime(4000), new BatchTime(6000));
      assertThat(sorted(incremental.batches())).containsExactly(
          List.of(KV.of("a", 2), KV.of("b", 1)), List.of(KV.of("a", 2), KV.of("b", 2)), List.of(KV.of("b", 1)));
      assertThat(sorted(recomputed.batches())).isEqualTo(sorted(incremental.batches()));
      // without a filter a key whose count went back to 0 stays, as in Spark
      assertThat(sorted(unfiltered.batches()).get(2)).containsExactly(KV.of("a", 0), KV.of("b", 1));
    }
  }

  @Test
  void listenerReportsRecordsDelaysAndStateSizes() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      List<BatchInfo> infos = new java.util.concurrent.CopyOnWriteArrayList<>();
      h.context().addStreamingListener(new StreamingListener() {
        @Override
        public void onBatchCompleted(BatchInfo info) {
          infos.add(info);
        }
      });
      h.collect(h.queueOf(List.of("a", "b", "a"), List.of("c")).mapToPair(w -> KV.of(w, 1))
          .updateStateByKey("seen", (List<Integer> v, Optional<Integer> s) -> 1));
      h.runBatches(2);
      h.close(); // waits for the runner, so every listener has seen the last batch
      assertThat(infos).extracting(BatchInfo::recordsIn).containsExactly(3L, 1L);
      assertThat(infos).extracting(BatchInfo::stateSizes)
          .containsExactly(java.util.Map.of("seen", 2L), java.util.Map.of("seen", 3L));
      assertThat(infos).extracting(BatchInfo::schedulingDelay).containsOnly(Duration.ZERO);
      assertThat(infos).allSatisfy(i -> assertThat(i.totalDelay()).isEqualTo(i.processingTime()));
    }
  }
}
