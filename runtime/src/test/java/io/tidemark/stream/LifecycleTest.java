package io.tidemark.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.KV;
import io.tidemark.function.StreamingListener;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private static StreamingContext manualContext() {
    return StreamingContext.builder(SECOND).clock(new ManualClock()).parallelism(2).build();
  }

  @Test
  void startingWithoutAnOutputFails() {
    StreamingContext context = manualContext();
    context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true).map(String::length);
    assertThatThrownBy(context::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No output operations registered");
    assertThat(context.state()).isEqualTo(StreamingContextState.INITIALIZED);
  }

  @Test
  void anEngineNotOnTheClassPathIsRefusedWhenNamedListingTheOnesThereAre() {
    assertThatThrownBy(() -> StreamingContext.builder(SECOND).engine("spark"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No engine named 'spark' on the class path; known engines: [local]."
            + " Add tidemark-spark to the class path to run on Spark");
  }

  @Test
  void theEngineOfContextsThatNameNoneComesFromTheSystemProperty() {
    String before = System.getProperty(StreamingContext.ENGINE_PROPERTY);
    System.setProperty(StreamingContext.ENGINE_PROPERTY, "elsewhere");
    try {
      StreamingContext context = manualContext();
      context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true).print();
      assertThatThrownBy(context::start).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("No engine named 'elsewhere' on the class path; known engines: [local]");
      assertThat(context.state()).isEqualTo(StreamingContextState.INITIALIZED);
    } finally {
      if (before == null) {
        System.clearProperty(StreamingContext.ENGINE_PROPERTY);
      } else {
        System.setProperty(StreamingContext.ENGINE_PROPERTY, before);
      }
    }
  }

  @Test
  void addingAStageOrOutputAfterStartFails() {
    try (StreamingContext context = manualContext()) {
      DStream<String> lines = context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true);
      lines.print();
      context.start();
      assertThatThrownBy(() -> lines.map(String::length)).isInstanceOf(IllegalStateException.class)
          .hasMessage("Cannot add map stage 'map-2': the StreamingContext has already been started;"
              + " define all stages and outputs before start()");
      assertThatThrownBy(() -> lines.foreachBatch((t, b) -> { })).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("has already been started");
    }
  }

  @Test
  void aStoppedContextCannotBeRestarted() {
    StreamingContext context = manualContext();
    context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true).print();
    context.start();
    assertThatThrownBy(context::start).hasMessage("The StreamingContext has already been started");
    context.stop(false);
    assertThat(context.state()).isEqualTo(StreamingContextState.STOPPED);
    assertThatThrownBy(context::start).isInstanceOf(IllegalStateException.class)
        .hasMessage("The StreamingContext has been stopped and cannot be started again: create a new one");
  }

  @Test
  void windowsMustBeMultiplesOfTheBatchInterval() {
    StreamingContext context = manualContext();
    PairDStream<String, Integer> pairs = context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true)
        .mapToPair(w -> KV.of(w, 1));
    assertThatThrownBy(() -> pairs.window(Duration.ofMillis(2500), SECOND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Window stage 'window-2' (length 2500 ms, slide 1000 ms): length and slide must be multiples"
            + " of the batch interval 1000 ms");
    assertThatThrownBy(() -> pairs.reduceByKeyAndWindow("counts", Integer::sum, (a, b) -> a - b,
            Duration.ofSeconds(4), Duration.ofMillis(1500)))
        .hasMessage("Window stage 'counts' (length 4000 ms, slide 1500 ms): length and slide must be multiples"
            + " of the batch interval 1000 ms");
    DStream<String> slow = pairs.map(KV::key).window(Duration.ofSeconds(4), Duration.ofSeconds(2));
    assertThatThrownBy(() -> slow.window(Duration.ofSeconds(3), Duration.ofSeconds(2)))
        .hasMessageContaining("must be multiples of the slide 2000 ms of its parent window stage 'window-");
  }

  @Test
  void stageIdsAreUnique() {
    StreamingContext context = manualContext();
    PairDStream<String, Integer> pairs = context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true)
        .mapToPair(w -> KV.of(w, 1));
    pairs.updateStateByKey("totals", (List<Integer> v, Optional<Integer> s) -> 0);
    assertThatThrownBy(() -> pairs.updateStateByKey("totals", (List<Integer> v, Optional<Integer> s) -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Duplicate stage id 'totals': updateStateByKey stage 'totals' and updateStateByKey stage 'totals'"
            + " both claim it; every stage needs its own id (checkpointed state and positions are keyed by it)");
    assertThat(pairs.id()).isEqualTo("mapToPair-1");
  }

  @Test
  void uidNamesBothStagesClaimingAnId() {
    StreamingContext context = manualContext();
    DStream<String> lines = context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true).uid("lines");
    DStream<Integer> lengths = lines.map(String::length);
    assertThatThrownBy(() -> lengths.uid("lines")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Duplicate stage id 'lines': map stage 'map-1' (as 'lines') and queue stage 'lines' both claim"
            + " it; every stage needs its own id (checkpointed state and positions are keyed by it)");
    assertThatThrownBy(() -> lengths.print().uid("lines")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Duplicate stage id 'lines': print output 'print-2' (as 'lines') and queue stage 'lines' both"
            + " claim it; every stage needs its own id (checkpointed state and positions are keyed by it)");
    assertThat(lengths.uid("lengths").uid("lengths").id()).isEqualTo("lengths");
  }

  @Test
  void uidMustBeAStableIdAndComeBeforeStart() {
    StreamingContext context = manualContext();
    DStream<String> lines = context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true);
    assertThatThrownBy(() -> lines.uid("2 lines")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Stage id '2 lines' for queue stage 'queue-0' must match [A-Za-z][A-Za-z0-9_.-]*: it names"
            + " checkpoint directories and descriptor entries");
    lines.print();
    context.start();
    assertThatThrownBy(() -> lines.uid("lines")).isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot give queue stage 'queue-0' the id 'lines': the StreamingContext has already been"
            + " started; define all stages and outputs before start()");
    context.stop(false);
  }

  @Test
  void unionNeedsTheSameSlide() {
    StreamingContext context = manualContext();
    DStream<String> lines = context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true);
    assertThatThrownBy(() -> lines.union(lines.window(Duration.ofSeconds(2), Duration.ofSeconds(2))))
        .hasMessage("Cannot union streams with different slide durations: queue stage 'queue-0' slides every"
            + " 1000 ms, window stage 'window-1' every 2000 ms");
  }

  @Test
  void gracefulStopRunsTheQueuedDataFirst() throws Exception {
    StreamingContext context = manualContext();
    List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();
    context.queueStream(new ConcurrentLinkedQueue<>(List.of(List.of("a"), List.of("b"), List.of("c"))), true)
        .foreachBatch((time, batch) -> out.add(time + " " + batch));
    context.start();
    context.stop(true); // the clock never moved: the stop itself gives the queued data its batches
    assertThat(out).containsExactly("1000 ms [a]", "2000 ms [b]", "3000 ms [c]");
    assertThat(context.awaitTerminationOrTimeout(Duration.ZERO)).isTrue();
  }

  @Test
  void aFailingBatchStopsTheContextAndAwaitTerminationRethrows() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      h.collect(h.queueOf(List.of("ok"), List.of("boom")).map(s -> {
        if (s.equals("boom")) {
          throw new IllegalArgumentException("cannot handle " + s);
        }
        return s;
      }));
      h.runBatches(1);
      assertThatThrownBy(() -> h.runBatches(1)).isInstanceOf(StreamingException.class)
          .hasRootCauseMessage("cannot handle boom");
      assertThatThrownBy(h.context()::awaitTermination).isInstanceOf(StreamingException.class)
          .hasMessageContaining("A batch failed and the streaming context stopped");
    }
  }

  @Test
  void backloggedBatchesReportSchedulingDelay() throws Exception {
    ManualClock clock = new ManualClock();
    StreamingContext context = StreamingContext.builder(SECOND).clock(clock).parallelism(1).build();
    CountDownLatch done = new CountDownLatch(3);
    List<Duration> delays = new java.util.concurrent.CopyOnWriteArrayList<>();
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        delays.add(info.schedulingDelay());
        done.countDown();
      }
    });
    context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true).print();
    context.start();
    clock.advance(Duration.ofSeconds(3));
    done.await();
    context.stop(false);
    assertThat(delays).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO);
  }
}
