package io.tidemark.stream;

import io.tidemark.function.Clock;
import io.tidemark.function.StreamingListener;
import io.tidemark.internal.checkpoint.CheckpointHook;
import io.tidemark.internal.checkpoint.CheckpointedRun;
import io.tidemark.internal.checkpoint.Resume;
import io.tidemark.internal.driver.JobScheduler;
import io.tidemark.internal.plan.Engine;
import io.tidemark.internal.plan.LogicalPlan;
import io.tidemark.internal.plan.PlanExecution;
import io.tidemark.internal.status.LocalPipelineStatus;
import io.tidemark.internal.status.StatusOptions;
import io.tidemark.internal.status.StatusPage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One run of a context's pipeline, from {@code start()} to {@code stop()}: the frozen plan prepared on
 * its engine, the checkpoint (when the context has one) restored into it and owned, and the driver
 * generating and running batches. Built whole or not at all: a start that fails releases what it took.
 */
final class PipelineRun {

  private final JobScheduler scheduler;
  private final CheckpointedRun checkpointed;
  private final StatusPage statusPage;

  private PipelineRun(JobScheduler scheduler, CheckpointedRun checkpointed, StatusPage statusPage) {
    this.scheduler = scheduler;
    this.checkpointed = checkpointed;
    this.statusPage = statusPage;
  }

  /**
   * @param checkpointed the context's checkpoint directory, read by {@code getOrCreate}; null when the
   *     context does not checkpoint
   * @param statusOptions where the status page is served, if it is
   * @param state the context's lifecycle state, for the status page
   */
  static PipelineRun start(LogicalPlan plan, String engine, Clock clock, List<StreamingListener> listeners,
      Duration remember, CheckpointedRun checkpointed, Map<String, String> config, StatusOptions statusOptions,
      Supplier<String> state) {
    plan.freeze(); // fails on a plan without outputs before anything is held
    PlanExecution execution = Engine.named(engine).prepare(plan);
    StatusPage statusPage = null;
    try {
      Resume resume = checkpointed == null ? null : checkpointed.resume().orElse(null);
      long zeroTime = JobScheduler.zeroTime(clock, plan.batchIntervalMillis(), resume);
      CheckpointHook checkpoints = checkpointed == null ? null
          : checkpointed.start(zeroTime, execution.stageStates(), plan.recomputeHorizon());
      JobScheduler scheduler = new JobScheduler(plan, execution, clock, listeners, remember.toMillis(), checkpoints);
      statusPage = StatusPage.start(statusOptions, new LocalPipelineStatus(plan, config, clock, listeners::add,
          scheduler, checkpointed, state)).orElse(null);
      scheduler.start(resume, zeroTime);
      return new PipelineRun(scheduler, checkpointed, statusPage);
    } catch (RuntimeException | Error e) {
      try {
        if (statusPage != null) {
          statusPage.close();
        }
        execution.close();
      } finally {
        if (checkpointed != null) {
          checkpointed.close();
        }
      }
      throw e;
    }
  }

  /**
   * Stops the driver (see {@code StreamingContext.stop}), then the status page, and releases the checkpoint
   * directory, whatever happens.
   */
  void stop(boolean gracefully) throws InterruptedException {
    try {
      scheduler.stop(gracefully);
    } finally {
      try {
        if (statusPage != null) {
          statusPage.close();
        }
      } finally {
        if (checkpointed != null) {
          checkpointed.close(); // a source or sink failing to stop must not keep the directory locked
        }
      }
    }
  }

  /** Where the status page is served; empty when it is off. */
  Optional<URI> statusPageUrl() {
    return Optional.ofNullable(statusPage).map(StatusPage::url);
  }

  void awaitTermination() throws InterruptedException {
    scheduler.awaitTermination();
    throwIfFailed();
  }

  boolean awaitTermination(Duration timeout) throws InterruptedException {
    boolean terminated = scheduler.awaitTermination(timeout);
    throwIfFailed();
    return terminated;
  }

  private void throwIfFailed() {
    scheduler.failure().ifPresent(error -> {
      throw new StreamingException("A batch failed and the streaming context stopped: " + error, error);
    });
  }
}
