package io.tidemark.internal.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.internal.plan.Engine;
import io.tidemark.internal.plan.LogicalPlan;
import io.tidemark.internal.plan.OutputNode;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.sink.DriverSink;
import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.InputDescriptor;
import io.tidemark.internal.source.InputSource;
import io.tidemark.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {

  /** A batch's input named by its time alone. */
  record TimeDescriptor(long time) implements InputDescriptor {

    @Override
    public String type() {
      return "time";
    }
  }

  /** Plans one record per batch and records what is planned and released. */
  static final class TimeSource implements InputSource<String, TimeDescriptor> {
    final CountDownLatch planned;
    final List<Long> released = new CopyOnWriteArrayList<>();

    TimeSource(int batches) {
      planned = new CountDownLatch(batches);
    }

    @Override
    public String kind() {
      return "time";
    }

    @Override
    public TimeDescriptor plan(long batchTimeMillis) {
      planned.countDown();
      return new TimeDescriptor(batchTimeMillis);
    }

    @Override
    public List<String> read(TimeDescriptor descriptor) {
      return List.of("at " + descriptor.time());
    }

    @Override
    public void release(TimeDescriptor descriptor) {
      released.add(descriptor.time());
    }
  }

  @Test
  void keepsGeneratedBatchesPendingUntilTheyCompleteAndReleasesInputsAfterTheRememberDuration() throws Exception {
    ManualClock clock = new ManualClock();
    LogicalPlan plan = new LogicalPlan("test", Duration.ofSeconds(1), 2);
    TimeSource source = new TimeSource(3);
    PlanNode<String> input = plan.addInput(source);
    CountDownLatch firstBatchMayFinish = new CountDownLatch(1);
    List<String> written = new CopyOnWriteArrayList<>();
    plan.addOutput("foreachBatch", input, new OutputNode.OnDriver(DriverSink.<String>of((time, batch) -> {
      firstBatchMayFinish.await();
      written.addAll(batch);
    })));
    plan.freeze();
    JobScheduler scheduler = new JobScheduler(plan, Engine.named(Engine.LOCAL).prepare(plan), clock, List.of(), 2000,
        null);
    scheduler.start(null, JobScheduler.zeroTime(clock, plan.batchIntervalMillis(), null));

    clock.advance(Duration.ofSeconds(3));
    source.planned.await(); // the runner is held in batch 1000: all three batches are pending
    assertThat(scheduler.pendingBatches()).containsExactly(
        new GeneratedBatch(1000, java.util.Map.of("time-0", new TimeDescriptor(1000))),
        new GeneratedBatch(2000, java.util.Map.of("time-0", new TimeDescriptor(2000))),
        new GeneratedBatch(3000, java.util.Map.of("time-0", new TimeDescriptor(3000))));

    firstBatchMayFinish.countDown();
    scheduler.stop(true);
    assertThat(written).containsExactly("at 1000", "at 2000", "at 3000");
    assertThat(scheduler.pendingBatches()).isEmpty();
    // remembered for 2 s after completion: batch 3000 releases batch 1000's input only
    assertThat(source.released).containsExactly(1000L);
  }
}
