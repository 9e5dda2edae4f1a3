package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.KV;
import io.tidemark.schema.Serializers;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingContextState;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graceful stop, asked for directly or by removing a marker file, leaves a checkpoint with nothing to redo. */
class GracefulStopTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @TempDir
  Path tmp;

  /** Running totals of words, state checkpointed every 10 batches; counts the words it maps in {@code mapped}. */
  static StreamingContext totals(ManualClock clock, List<List<String>> batches, AtomicInteger mapped, List<String> out) {
    StreamingContext context = StreamingContext.builder(SECOND).clock(clock).parallelism(2)
        .checkpointInterval(Duration.ofSeconds(10)).build();
    context.queueStream(new ConcurrentLinkedQueue<>(batches), true)
        .mapToPair(word -> {
          mapped.incrementAndGet();
          return KV.of(word, 1L);
        })
        .updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
            (List<Long> ones, Optional<Long> total) -> total.orElse(0L) + ones.size())
        .foreachBatch((time, batch) -> out.add(time.milliseconds() + ": "
            + batch.stream().map(String::valueOf).sorted().toList()));
    return context;
  }

  static CheckpointMetadata newestMetadata(Path ckpt) {
    try (CheckpointStore store = CheckpointStore.open(ckpt.toString(), new Configuration())) {
      List<Long> times = store.metadataTimes();
      return MetadataJson.read(store.read(store.metadataFile(times.get(times.size() - 1))));
    }
  }

  @Test
  void aRestartAfterAGracefulStopRecomputesNothingAndLosesNothing() throws Exception {
    Path ckpt = tmp.resolve("ckpt");
    List<List<String>> batches = List.of(List.of("a", "b"), List.of("a"), List.of("b", "c"), List.of("a"));
    List<String> out = new CopyOnWriteArrayList<>();
    AtomicInteger mapped = new AtomicInteger();
    ManualClock clock = new ManualClock();
    // the first run's queue holds 3 batches, so the stop has nothing left to plan; the restart's holds a 4th
    StreamingContext first = StreamingContext.getOrCreate(ckpt.toString(),
        () -> totals(clock, batches.subList(0, 3), mapped, out));
    try (StreamingTestHarness h = new StreamingTestHarness(first, clock)) {
      h.runBatches(3);
      first.stop(true);
    }
    CheckpointMetadata last = newestMetadata(ckpt);
    assertThat(last.lastCompletedBatch()).isEqualTo(OptionalLong.of(3000));
    assertThat(last.stateTime()).as("state written at the stop, not only every 10 s").isEqualTo(OptionalLong.of(3000));
    assertThat(last.pending()).isEmpty();
    assertThat(last.recompute()).isEmpty();

    mapped.set(0);
    ManualClock restartClock = new ManualClock(clock.nowMillis());
    StreamingContext second = StreamingContext.getOrCreate(ckpt.toString(),
        () -> totals(restartClock, batches, mapped, out));
    try (StreamingTestHarness h = new StreamingTestHarness(second, restartClock)) {
      h.runBatches(1);
    }
    assertThat(mapped).as("only the new batch's word was mapped").hasValue(1);
    assertThat(out).containsExactly("1000: [(a,1), (b,1)]", "2000: [(a,2), (b,1)]", "3000: [(a,2), (b,2), (c,1)]",
        "4000: [(a,3), (b,2), (c,1)]");
  }

  @Test
  void removingTheMarkerFileStopsTheContextGracefullyAtTheNextTickOfItsClock() throws Exception {
    Path ckpt = tmp.resolve("ckpt");
    Path marker = Files.writeString(tmp.resolve("wordcount.running"), "");
    List<String> out = new CopyOnWriteArrayList<>();
    ManualClock clock = new ManualClock();
    StreamingContext context = StreamingContext.getOrCreate(ckpt.toString(),
        () -> totals(clock, List.of(List.of("a"), List.of("b"), List.of("a")), new AtomicInteger(), out));
    context.stopOnMarkerRemoval(marker);
    try (StreamingTestHarness h = new StreamingTestHarness(context, clock)) {
      h.runBatches(2);
      assertThat(context.state()).isEqualTo(StreamingContextState.ACTIVE);
      Files.delete(marker);
      clock.advance(SECOND);
      context.awaitTermination(); // bounded by the tests' timeout
    }
    assertThat(context.state()).isEqualTo(StreamingContextState.STOPPED);
    CheckpointMetadata last = newestMetadata(ckpt);
    assertThat(last.stateTime()).isEqualTo(last.lastCompletedBatch());
    assertThat(last.pending()).isEmpty();
    assertThat(out).startsWith("1000: [(a,1)]", "2000: [(a,1), (b,1)]");
    assertThat(marker).doesNotExist();
  }
}
