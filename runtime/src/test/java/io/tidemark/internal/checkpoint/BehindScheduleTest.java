package io.tidemark.internal.checkpoint;

import static io.tidemark.internal.checkpoint.GracefulStopTest.newestMetadata;
import static io.tidemark.internal.checkpoint.GracefulStopTest.totals;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.StreamingListener;
import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When batches queue up, a batch's completion is recorded by the pending record of the batch after it,
 * one metadata write per batch instead of two; a stop that drops that next batch still records it.
 */
class BehindScheduleTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final List<List<String>> BATCHES = List.of(List.of("a", "b"), List.of("a"), List.of("b", "c"),
      List.of("a"), List.of("c"));

  @TempDir
  Path tmp;

  private final List<String> out = new CopyOnWriteArrayList<>();

  /** The running totals of {@link GracefulStopTest#totals} over {@link #BATCHES}, from {@code tmp/ckpt}. */
  private StreamingContext totalsOn(ManualClock clock) {
    return StreamingContext.getOrCreate(tmp.resolve("ckpt").toString(),
        () -> totals(clock, BATCHES, new AtomicInteger(), out));
  }

  private static CheckpointMetadata metadata(Path ckpt, long batchTime) {
    try (CheckpointStore store = CheckpointStore.open(ckpt.toString(), new Configuration())) {
      return MetadataJson.read(store.read(store.metadataFile(batchTime)));
    }
  }

  private static List<Long> times(List<GeneratedBatch> batches) {
    return batches.stream().map(GeneratedBatch::timeMillis).toList();
  }

  @Test
  void aBatchQueuedBehindAnotherLeavesItsCompletionToTheNextOnesRecord() throws Exception {
    Path ckpt = tmp.resolve("ckpt");
    ManualClock clock = new ManualClock();
    StreamingContext context = totalsOn(clock);
    CountDownLatch completed = completions(context, BATCHES.size());
    context.start();
    clock.advance(SECOND.multipliedBy(BATCHES.size())); // every batch is generated at once: all behind
    assertThat(completed.await(30, TimeUnit.SECONDS)).isTrue();
    context.stop(false);

    CheckpointMetadata fourth = metadata(ckpt, 4000);
    assertThat(times(fourth.pending())).as("written once, before its outputs").contains(4000L);
    assertThat(fourth.lastCompletedBatch()).isEqualTo(OptionalLong.of(3000));
    CheckpointMetadata last = newestMetadata(ckpt);
    assertThat(last.batchTime()).isEqualTo(5000);
    assertThat(last.lastCompletedBatch()).as("nothing queued behind the last batch: its completion is written")
        .isEqualTo(OptionalLong.of(5000));
    assertThat(last.pending()).isEmpty();
  }

  @Test
  void aStopThatDropsTheNextBatchWritesTheCompletionLeftToIt() throws Exception {
    Path ckpt = tmp.resolve("ckpt");
    ManualClock clock = new ManualClock();
    StreamingContext context = totalsOn(clock);
    CountDownLatch thirdCompleted = new CountDownLatch(1);
    CountDownLatch dropped = new CountDownLatch(1);
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        if (info.batchTime().milliseconds() == 3000) {
          thirdCompleted.countDown();
          await(dropped); // the runner holds here: the batch of 4 s is queued, not started
        }
      }
    });
    context.start();
    clock.advance(SECOND.multipliedBy(BATCHES.size()));
    assertThat(thirdCompleted.await(30, TimeUnit.SECONDS)).isTrue();
    Thread stopping = new Thread(() -> context.stop(false));
    stopping.start();
    awaitQueueDropped(stopping);
    dropped.countDown();
    stopping.join();

    CheckpointMetadata last = newestMetadata(ckpt);
    assertThat(last.batchTime()).isEqualTo(3000);
    assertThat(last.lastCompletedBatch()).isEqualTo(OptionalLong.of(3000));
    assertThat(times(last.pending())).containsExactly(4000L, 5000L);

    ManualClock restartClock = new ManualClock(clock.nowMillis());
    StreamingContext restarted = totalsOn(restartClock);
    CountDownLatch recovered = completions(restarted, 2);
    restarted.start(); // runs the two pending batches; the clock stays put, so no new one
    assertThat(recovered.await(30, TimeUnit.SECONDS)).isTrue();
    restarted.stop(false);
    assertThat(out).as("the first three batches' outputs ran once; the dropped batches ran after the restart")
        .containsExactly("1000: [(a,1), (b,1)]", "2000: [(a,2), (b,1)]", "3000: [(a,2), (b,2), (c,1)]",
            "4000: [(a,3), (b,2), (c,1)]", "5000: [(a,3), (b,2), (c,2)]");
  }

  private static CountDownLatch completions(StreamingContext context, int batches) {
    CountDownLatch completed = new CountDownLatch(batches);
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        completed.countDown();
      }
    });
    return completed;
  }

  /**
   * Until the stopping thread waits for the job runner, which a non-graceful stop does once it has
   * cleared the queue of batches not started.
   */
  private static void awaitQueueDropped(Thread stopping) throws InterruptedException {
    while (!isJoiningTheRunner(stopping)) {
      Thread.sleep(5);
    }
  }

  private static boolean isJoiningTheRunner(Thread stopping) {
    if (stopping.getState() != Thread.State.WAITING && stopping.getState() != Thread.State.TIMED_WAITING) {
      return false;
    }
    for (StackTraceElement frame : stopping.getStackTrace()) {
      if (frame.getMethodName().equals("stop") && frame.getClassName().endsWith("JobScheduler")) {
        return Thread.getAllStackTraces().keySet().stream()
            .noneMatch(thread -> thread.getName().equals("tidemark-job-generator"));
      }
    }
    return false;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
