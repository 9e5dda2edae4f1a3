package io.tidemark.internal.driver;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.BatchTime;
import io.tidemark.function.Clock;
import io.tidemark.function.StreamingListener;
import io.tidemark.internal.checkpoint.CheckpointHook;
import io.tidemark.internal.checkpoint.Resume;
import io.tidemark.internal.plan.LogicalPlan;
import io.tidemark.internal.plan.PlanExecution;
import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.InputDescriptor;
import io.tidemark.internal.source.SourceContext;
import io.tidemark.internal.source.SourcePosition;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Generates and runs batches. A job generator thread wakes at every batch time on the {@link Clock},
 * has each source plan its input, records the batch as pending and queues it; a single job runner
 * thread runs the queued batches one at a time, in order. When processing falls behind, batches wait in
 * the queue and the wait shows as scheduling delay.
 */
public final class JobScheduler {

  private static final GeneratedBatch END = new GeneratedBatch(Long.MIN_VALUE, Map.of());

  private final LogicalPlan plan;
  private final PlanExecution execution;
  private final List<ActiveSource<?>> sources;
  private final Clock clock;
  private final List<StreamingListener> listeners;
  private final long rememberMillis;
  private final CheckpointHook checkpoints;
  private final BlockingQueue<GeneratedBatch> queue = new LinkedBlockingQueue<>();
  private final List<GeneratedBatch> pending = new CopyOnWriteArrayList<>();
  private final ArrayDeque<GeneratedBatch> retained = new ArrayDeque<>();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Object generation = new Object();
  private boolean generating;
  /** Set when planning a batch failed half-way: the positions to checkpoint from then on. */
  private Map<String, SourcePosition> positionsBeforeFailedPlan;
  private long nextBatchTime;
  private Thread generator;
  private Thread runner;
  private volatile Throwable failure;
  /** Set by a graceful stop: once the last batch has run, the runner writes a final checkpoint. */
  private volatile boolean finalCheckpoint;

  /**
   * @param plan frozen
   * @param execution the engine's run of {@code plan}, not started
   * @param rememberMillis how long completed batches' inputs stay readable (at least the longest window)
   * @param checkpoints told about every batch run; null when not checkpointing
   */
  public JobScheduler(LogicalPlan plan, PlanExecution execution, Clock clock, List<StreamingListener> listeners,
      long rememberMillis, CheckpointHook checkpoints) {
    this.plan = plan;
    this.execution = execution;
    this.sources = plan.activeInputs().stream().<ActiveSource<?>>map(ActiveSource::of).toList();
    this.clock = clock;
    this.listeners = listeners;
    this.rememberMillis = rememberMillis;
    this.checkpoints = checkpoints;
  }

  /**
   * The zero time of a run: a checkpointed run's own, so batch times and window boundaries stay where
   * they were; else the last multiple of the batch interval up to now.
   */
  public static long zeroTime(Clock clock, long batchIntervalMillis, Resume resume) {
    return resume != null ? resume.zeroTime() : Math.floorDiv(clock.nowMillis(), batchIntervalMillis) * batchIntervalMillis;
  }

  /**
   * Starts, taking up a checkpointed run when {@code resume} is given: its sources' positions, its
   * completed batches recomputed without outputs, then its pending batches, then new batches from the
   * next batch time after both now and the recovered batches.
   *
   * @param zeroTime {@link #zeroTime}
   */
  public void start(Resume resume, long zeroTime) {
    long now = clock.nowMillis();
    long interval = plan.batchIntervalMillis();
    execution.start(zeroTime);
    for (ActiveSource<?> input : sources) {
      String id = input.id();
      input.start(new SourceContext(id, clock, now, total -> listeners.forEach(l -> l.onReceiverProgress(id, total)),
          source -> checkpoints == null ? Optional.empty() : checkpoints.writeAheadLog(source)));
    }
    long firstBatchTime = zeroTime + (Math.floorDiv(now - zeroTime, interval) + 1) * interval;
    synchronized (generation) {
      if (resume != null) {
        resumeInputs(resume);
        pending.addAll(resume.pending());
        queue.addAll(resume.pending());
        for (List<GeneratedBatch> recovered : List.of(resume.recompute(), resume.pending())) {
          for (GeneratedBatch batch : recovered) {
            firstBatchTime = Math.max(firstBatchTime, batch.timeMillis() + interval);
          }
        }
      }
      nextBatchTime = firstBatchTime;
      generating = true;
    }
    BatchRunner batchRunner = new BatchRunner(execution, clock, checkpoints);
    List<GeneratedBatch> recompute = resume == null ? List.of() : resume.recompute();
    long stateTime = resume == null ? Long.MIN_VALUE : resume.stateTime();
    generator = new Thread(this::generateLoop, "tidemark-job-generator");
    runner = new Thread(() -> runLoop(batchRunner, recompute, stateTime), "tidemark-job-runner");
    generator.setDaemon(true);
    runner.setDaemon(true);
    generator.start();
    runner.start();
  }

  /** Hands each source its checkpointed position and the descriptors it planned for the batches to replay. */
  private void resumeInputs(Resume resume) {
    for (ActiveSource<?> input : sources) {
      SourcePosition position = resume.positions().get(input.id());
      if (position != null) {
        List<InputDescriptor> replayed = new ArrayList<>();
        for (List<GeneratedBatch> batches : List.of(resume.recompute(), resume.pending())) {
          batches.stream().map(batch -> batch.inputs().get(input.id())).filter(Objects::nonNull).forEach(replayed::add);
        }
        input.resume(position, replayed);
      }
    }
  }

  /**
   * Batches generated but not completed, oldest first, with their input descriptors. Never a batch
   * half-way through its planning: a checkpoint of this list must be enough to replay it.
   */
  public List<GeneratedBatch> pendingBatches() {
    return planning().pending();
  }

  /** How many batches are generated and not completed (the running one included), without locking. */
  public int pendingCount() {
    return pending.size();
  }

  /** The pending batches and the sources' positions after planning them, taken together. */
  public CheckpointHook.Planning planning() {
    synchronized (generation) {
      return new CheckpointHook.Planning(List.copyOf(pending),
          positionsBeforeFailedPlan != null ? positionsBeforeFailedPlan : positions());
    }
  }

  /** Every source's position; caller holds {@code generation}. */
  private Map<String, SourcePosition> positions() {
    Map<String, SourcePosition> positions = new LinkedHashMap<>();
    for (ActiveSource<?> input : sources) {
      SourcePosition position = input.position();
      if (position != null) {
        positions.put(input.id(), position);
      }
    }
    return positions;
  }

  private void generateLoop() {
    try {
      while (true) {
        long time;
        synchronized (generation) {
          if (!generating) {
            return;
          }
          time = nextBatchTime;
        }
        clock.waitTillTime(time);
        synchronized (generation) {
          if (!generating) {
            return;
          }
          Map<String, SourcePosition> before = positions();
          try {
            generate();
          } catch (RuntimeException | Error e) {
            // sources planned before the failing one moved on: checkpoints keep what no batch lost
            positionsBeforeFailedPlan = before;
            planningFailed(time, e);
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      // stop() interrupts the wait for the next batch time
    }
  }

  /**
   * A source could not plan the batch at {@code time} (e.g. its offsets are no longer in the log): the
   * context fails as if the batch had; batches already queued still run. Caller holds {@code generation}.
   */
  private void planningFailed(long time, Throwable error) {
    failure = error;
    generating = false;
    listeners.forEach(l -> l.onBatchFailed(new BatchTime(time), error));
    queue.add(END);
  }

  /** Plans the batch at {@code nextBatchTime}; caller holds {@code generation}. */
  private void generate() {
    Map<String, InputDescriptor> inputs = new LinkedHashMap<>();
    for (ActiveSource<?> input : sources) {
      inputs.put(input.id(), input.plan(nextBatchTime));
    }
    GeneratedBatch batch = new GeneratedBatch(nextBatchTime, inputs);
    pending.add(batch);
    queue.add(batch);
    nextBatchTime += plan.batchIntervalMillis();
  }

  private void runLoop(BatchRunner batchRunner, List<GeneratedBatch> recompute, long stateTime) {
    try {
      for (GeneratedBatch batch : recompute) {
        try {
          batchRunner.recompute(batch, batch.timeMillis() <= stateTime);
        } catch (RuntimeException | Error e) {
          fail(batch, e);
          return;
        }
        retain(batch);
      }
      for (GeneratedBatch next = queue.take(); next != END; next = queue.take()) {
        GeneratedBatch batch = next;
        BatchInfo info;
        try {
          info = batchRunner.run(batch, this::planning);
        } catch (RuntimeException | Error e) {
          fail(batch, e);
          return;
        }
        pending.remove(batch);
        for (ActiveSource<?> input : sources) {
          InputDescriptor descriptor = batch.inputs().get(input.id());
          if (descriptor != null) {
            input.completed(descriptor, info);
          }
        }
        retain(batch);
        listeners.forEach(l -> l.onBatchCompleted(info));
      }
      if (finalCheckpoint && checkpoints != null) {
        checkpoints.afterGracefulStop(planning());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        sources.forEach(ActiveSource::stop);
        execution.close();
      } finally {
        terminated.countDown();
      }
    }
  }

  private void fail(GeneratedBatch batch, Throwable error) {
    failure = error;
    stopGenerating();
    listeners.forEach(l -> l.onBatchFailed(new BatchTime(batch.timeMillis()), error));
  }

  /** Keeps a completed batch's input readable for the remember duration, then releases it. */
  private void retain(GeneratedBatch completed) {
    retained.addLast(completed);
    long keepAfter = completed.timeMillis() - Math.max(rememberMillis, plan.longestWindowMillis());
    while (!retained.isEmpty() && retained.peekFirst().timeMillis() <= keepAfter) {
      GeneratedBatch old = retained.pollFirst();
      for (ActiveSource<?> input : sources) {
        input.release(old.inputs().get(input.id()));
      }
    }
  }

  private void stopGenerating() {
    synchronized (generation) {
      generating = false;
    }
    generator.interrupt();
  }

  /**
   * Stops generating batches and stops the receivers. Gracefully: data already received gets batches of
   * its own (at the following batch times, without waiting for the clock), every queued batch runs, and
   * a final checkpoint is written before this returns. Otherwise: the running batch completes, queued batches are dropped (they stay
   * pending, to be recomputed by a restart from a checkpoint).
   */
  public void stop(boolean gracefully) throws InterruptedException {
    stopGenerating();
    generator.join();
    sources.forEach(ActiveSource::stop);
    if (gracefully && failure == null) {
      synchronized (generation) {
        while (sources.stream().anyMatch(ActiveSource::hasUnplannedData)) {
          generate();
        }
      }
      finalCheckpoint = true;
    } else {
      queue.clear();
    }
    queue.add(END);
    runner.join();
  }

  /** Blocks until the runner has stopped: after {@link #stop}, or once a batch failed ({@link #failure}). */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  /** As {@link #awaitTermination()}, giving up after {@code timeout}; true if the runner stopped. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Why the run stopped on its own: a batch, or the planning of one, failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }
}
