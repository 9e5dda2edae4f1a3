package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.checkpoint.IncompatibleCheckpointException;
import io.tidemark.function.KV;
import io.tidemark.schema.Serializer;
import io.tidemark.schema.Serializers;
import io.tidemark.schema.Verdict;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingContextBuilder;
import io.tidemark.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint written by one version of a pipeline, taken up by the next: state read through the
 * serializers' resolving readers when the change is compatible, refused with the report (and the
 * directory untouched) when it is not.
 */
class UpgradeAtRestartTest {

  private static final List<List<String>> WORDS = List.of(List.of("a"), List.of("a", "a"), List.of("b"),
      List.of("b"), List.of("b"));

  /** Version 1 of the state: an int total and the time of the key's last batch. */
  record StatsV1(int total, long lastSeen) {}

  /** Version 2: total widened to long, lastSeen removed, maxPerBatch added with default 0. */
  record StatsV2(long total, long maxPerBatch) {}

  /** Version 3, incompatible: a field without a default. */
  record StatsV3(long total, long bonus) {}

  static final Serializer<StatsV1> V1 = Serializers.record(StatsV1.class)
      .field("total", Serializers.ints(), StatsV1::total)
      .field("lastSeen", Serializers.longs(), StatsV1::lastSeen)
      .build(v -> new StatsV1(v.get(0), v.get(1)));

  static final Serializer<StatsV2> V2 = Serializers.record(StatsV2.class)
      .field("total", Serializers.longs(), StatsV2::total)
      .field("maxPerBatch", Serializers.longs(), StatsV2::maxPerBatch).withDefault(0L)
      .build(v -> new StatsV2(v.get(0), v.get(1)));

  static final Serializer<StatsV3> V3 = Serializers.record(StatsV3.class)
      .field("total", Serializers.longs(), StatsV3::total)
      .field("bonus", Serializers.longs(), StatsV3::bonus)
      .build(v -> new StatsV3(v.get(0), v.get(1)));

  @TempDir
  Path dir;

  private final List<String> out = new CopyOnWriteArrayList<>();

  /** A word-count pipeline whose state, under {@code stateId}, is of type {@code S}. */
  private <S> Function<ManualClock, StreamingContext> version(String stateId, Serializer<S> serializer,
      BiFunction<List<Long>, Optional<S>, S> update, StreamingContextBuilder... options) {
    return clock -> {
      StreamingContextBuilder builder = options.length > 0 ? options[0]
          : StreamingContext.builder(Duration.ofSeconds(1)).parallelism(2);
      StreamingContext context = builder.clock(clock).checkpointInterval(Duration.ofSeconds(1)).build();
      context.queueStream(new ConcurrentLinkedQueue<>(WORDS), true).mapToPair(w -> KV.of(w, 1L))
          .updateStateByKey(stateId, Serializers.strings(), serializer, update)
          .foreachBatch((time, batch) -> out.add(time.milliseconds() + ": "
              + batch.stream().map(String::valueOf).sorted().toList()));
      return context;
    };
  }

  private static final BiFunction<List<Long>, Optional<StatsV1>, StatsV1> COUNT_V1 = (values, state) ->
      values.isEmpty() ? state.orElseThrow() : new StatsV1(state.map(StatsV1::total).orElse(0) + values.size(), 1);

  private static final BiFunction<List<Long>, Optional<StatsV2>, StatsV2> COUNT_V2 = (values, state) -> {
    StatsV2 previous = state.orElse(new StatsV2(0, 0));
    return new StatsV2(previous.total() + values.size(), Math.max(previous.maxPerBatch(), values.size()));
  };

  @Test
  void stateGainsADefaultedFieldLosesOneAndWidensIntToLong() throws Exception {
    Path ckpt = dir.resolve("ckpt");
    new Restarts(ckpt, version("totals", V1, COUNT_V1)).run(3);
    Restarts upgraded = new Restarts(ckpt, version("totals", V2, COUNT_V2));
    upgraded.down(3_000);
    upgraded.run(2);
    assertThat(out).containsExactly(
        "1000: [(a,StatsV1[total=1, lastSeen=1])]",
        "2000: [(a,StatsV1[total=3, lastSeen=1])]",
        "3000: [(a,StatsV1[total=3, lastSeen=1]), (b,StatsV1[total=1, lastSeen=1])]",
        // the old totals read as longs, maxPerBatch as its default 0 until a batch raises it
        "4000: [(a,StatsV2[total=3, maxPerBatch=0]), (b,StatsV2[total=2, maxPerBatch=1])]",
        "5000: [(a,StatsV2[total=3, maxPerBatch=0]), (b,StatsV2[total=3, maxPerBatch=1])]");
  }

  @Test
  void aRenamedStageTakesOverTheStateOfItsFormerId() throws Exception {
    Path ckpt = dir.resolve("ckpt");
    new Restarts(ckpt, version("totals", V1, COUNT_V1)).run(3);
    new Restarts(ckpt, version("wordTotals", V1, COUNT_V1,
        StreamingContext.builder(Duration.ofSeconds(1)).parallelism(3).renamedStage("totals", "wordTotals")))
        .run(0);
    Restarts renamedTwice = new Restarts(ckpt, version("wordTotals", V1, COUNT_V1,
        StreamingContext.builder(Duration.ofSeconds(1)).parallelism(1).renamedStage("totals", "wordTotals")));
    renamedTwice.down(3_000);
    renamedTwice.run(1);
    assertThat(out).last().isEqualTo("4000: [(a,StatsV1[total=3, lastSeen=1]), (b,StatsV1[total=2, lastSeen=1])]");
  }

  @Test
  void anIncompatibleChangeIsRefusedWithTheReportAndTheDirectoryUntouched() throws Exception {
    Path ckpt = dir.resolve("ckpt");
    new Restarts(ckpt, version("totals", V1, COUNT_V1)).run(3);
    Map<String, String> before = DirectorySnapshot.of(ckpt);
    Restarts incompatible = new Restarts(ckpt, version("totals", V3,
        (List<Long> values, Optional<StatsV3> state) -> state.orElse(new StatsV3(0, 0))));

    assertThatThrownBy(() -> incompatible.run(1))
        .isInstanceOfSatisfying(IncompatibleCheckpointException.class,
            e -> assertThat(e.report().verdict()).isEqualTo(Verdict.INCOMPATIBLE))
        .hasMessageContaining("batch-3000.json of pipeline 'pipeline' cannot be read by the current code;"
            + " nothing in the checkpoint directory was changed.")
        .hasMessageContaining("ERROR totals.value.bonus: field bonus was added without a default; old data has no"
            + " value for it (fix: add @Default to bonus, or make it Optional)")
        .hasMessageContaining("MIGRATION totals.value.lastSeen: field lastSeen was removed; its old values are skipped")
        .hasMessageContaining("MIGRATION totals.value.total: int widened to long");
    assertThat(DirectorySnapshot.of(ckpt)).isEqualTo(before);
  }

  @Test
  void aRemovedStageStateIsRefusedUnlessDeclaredDropped() throws Exception {
    Path ckpt = dir.resolve("ckpt");
    new Restarts(ckpt, version("totals", V1, COUNT_V1)).run(2);
    Function<StreamingContextBuilder, Function<ManualClock, StreamingContext>> stateless = options -> clock -> {
      StreamingContext context = options.clock(clock).build();
      context.queueStream(new ConcurrentLinkedQueue<>(new ArrayList<>(WORDS)), true).print();
      return context;
    };
    Map<String, String> before = DirectorySnapshot.of(ckpt);
    assertThatThrownBy(() -> new Restarts(ckpt, stateless.apply(StreamingContext.builder(Duration.ofSeconds(1))))
        .run(1))
        .hasMessageContaining("ERROR totals: stateful stage totals was removed; its checkpointed state would be lost"
            + " (fix: restore the stage, declare it dropped (droppedStage(\"totals\")), or declare the id that replaces"
            + " it (renamedStage(\"totals\", newId)))");
    assertThat(DirectorySnapshot.of(ckpt)).isEqualTo(before);

    Restarts dropped = new Restarts(ckpt, stateless.apply(
        StreamingContext.builder(Duration.ofSeconds(1)).droppedStage("totals")));
    dropped.down(2_000);
    dropped.run(1);
  }
}
