package io.tidemark.engine;

import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.StageDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import io.tidemark.stream.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stages and outputs of a pipeline, in registration order (which is a topological order: a stage
 * is built from stages that already exist). Ids are unique across stages and outputs; the graph is
 * frozen when the context starts.
 */
public final class StreamGraph {

  /** What an id assigned to a stage must look like: it names checkpoint directories and descriptor entries. */
  public static final Pattern STABLE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

  private final long batchIntervalMillis;
  private final int parallelism;
  private final List<Stage<?>> stages = new ArrayList<>();
  private final List<OutputOperation<?>> outputs = new ArrayList<>();
  /** Every id in use, with what uses it (for the message when a second stage claims it). */
  private final Map<String, String> owners = new HashMap<>();
  private final Map<String, List<String>> formerIds = new LinkedHashMap<>();
  private final List<String> droppedStages = new ArrayList<>();
  private int generatedIds;
  private boolean started;
  private long zeroTime;
  private List<Stage<?>> activeStages = List.of();

  public StreamGraph(Duration batchInterval, int parallelism) {
    if (batchInterval.toMillis() <= 0) {
      throw new IllegalArgumentException("The batch interval must be at least 1 ms, got " + batchInterval);
    }
    this.batchIntervalMillis = batchInterval.toMillis();
    this.parallelism = parallelism;
  }

  public long batchIntervalMillis() {
    return batchIntervalMillis;
  }

  public int parallelism() {
    return parallelism;
  }

  /** A deterministic id for a stateless stage: the same program always yields the same ids. */
  public String generatedId(String kind) {
    return kind + "-" + generatedIds++;
  }

  public <S extends Stage<?>> S add(S stage) {
    checkNotStarted("add " + stage);
    claim(stage.id(), stage.toString());
    stages.add(stage);
    return stage;
  }

  public void addOutput(OutputOperation<?> output) {
    checkNotStarted("add " + output);
    claim(output.id(), output.toString());
    outputs.add(output);
  }

  /** Gives {@code stage} the stable {@code id} (see {@code DStream.uid}); the same id again is a no-op. */
  public void assignId(Stage<?> stage, String id) {
    if (id.equals(stage.id())) {
      return;
    }
    String before = stage.toString();
    checkNotStarted("give " + before + " the id '" + id + "'");
    checkStableId(id, before);
    claim(id, before + " (as '" + id + "')");
    owners.remove(stage.id());
    stage.id(id);
    owners.put(id, stage.toString());
  }

  /** Gives the output {@code current} the stable {@code id}; returns the output under its new id. */
  public OutputOperation<?> assignId(OutputOperation<?> current, String id) {
    if (id.equals(current.id())) {
      return current;
    }
    checkNotStarted("give " + current + " the id '" + id + "'");
    checkStableId(id, current.toString());
    claim(id, current + " (as '" + id + "')");
    owners.remove(current.id());
    OutputOperation<?> renamed = current.withId(id);
    outputs.set(outputs.indexOf(current), renamed);
    owners.put(id, renamed.toString());
    return renamed;
  }

  private static void checkStableId(String id, String what) {
    if (!STABLE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Stage id '" + id + "' for " + what + " must match " + STABLE_ID
          + ": it names checkpoint directories and descriptor entries");
    }
  }

  private void checkNotStarted(String action) {
    if (started) {
      throw new IllegalStateException("Cannot " + action
          + ": the StreamingContext has already been started; define all stages and outputs before start()");
    }
  }

  private void claim(String id, String what) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A stage id must not be blank");
    }
    String owner = owners.putIfAbsent(id, what);
    if (owner != null) {
      throw new IllegalArgumentException("Duplicate stage id '" + id + "': " + what + " and " + owner
          + " both claim it; every stage needs its own id (checkpointed state and positions are keyed by it)");
    }
  }

  /**
   * Declares that the stateful stage {@code id} was called {@code formerId} in an earlier version: it
   * takes over the state checkpointed under that id.
   */
  public void declareRenamed(String formerId, String id) {
    formerIds.computeIfAbsent(id, k -> new ArrayList<>()).add(formerId);
  }

  /** Declares that an earlier version's stateful stage {@code id} was removed on purpose: its state is discarded. */
  public void declareDropped(String id) {
    droppedStages.add(id);
  }

  /**
   * The descriptor of this graph as defined so far: every stage and output, in registration order, with
   * its inputs, window and state schemas.
   */
  public PipelineDescriptor descriptor(String pipelineName) {
    List<StageDescriptor> described = new ArrayList<>();
    for (Stage<?> stage : stages) {
      Optional<WindowDescriptor> window = stage instanceof WindowedStage<?> windowed
          ? Optional.of(new WindowDescriptor(windowed.windowLengthMillis(), windowed.slideMillis()))
          : Optional.empty();
      Optional<StageDescriptor.StateDescriptor> state = stage instanceof StatefulStage<?, ?> stateful
          ? stateful.serializers().map(StateSerializers::descriptor)
          : Optional.empty();
      List<String> former = formerIds.getOrDefault(stage.id(), List.of());
      described.add(stage instanceof InputStage<?, ?> input ? StageDescriptor.source(input.id(), input.sourceKind(), former)
          : new StageDescriptor(stage.id(), stage.kind(), stage.parents().stream().map(Stage::id).toList(), window,
              state, former));
    }
    for (OutputOperation<?> output : outputs) {
      described.add(new StageDescriptor(output.id(), StageDescriptor.OUTPUT, List.of(output.stage().id()),
          Optional.empty(), Optional.empty(), formerIds.getOrDefault(output.id(), List.of())));
    }
    return new PipelineDescriptor(pipelineName, batchIntervalMillis, described, droppedStages);
  }

  /**
   * Checks that a window's length and slide are multiples of the batch interval and of its parent's
   * slide; the message names the stage and both durations.
   */
  public void checkWindow(String stageId, Duration length, Duration slide, Stage<?> parent) {
    long len = length.toMillis();
    long sl = slide.toMillis();
    String what = "Window stage '" + stageId + "' (length " + Durations.format(length) + ", slide "
        + Durations.format(slide) + ")";
    if (len <= 0 || sl <= 0) {
      throw new IllegalArgumentException(what + ": length and slide must be positive");
    }
    if (len % batchIntervalMillis != 0 || sl % batchIntervalMillis != 0) {
      throw new IllegalArgumentException(what + ": length and slide must be multiples of the batch interval "
          + batchIntervalMillis + " ms");
    }
    if (len % parent.slideMillis() != 0 || sl % parent.slideMillis() != 0) {
      throw new IllegalArgumentException(what + ": length and slide must be multiples of the slide "
          + parent.slideMillis() + " ms of its parent " + parent);
    }
  }

  /**
   * Freezes the graph. Only stages some output depends on run; batch times are {@code zeroTime} plus
   * multiples of the batch interval.
   */
  void start(long zeroTime) {
    if (outputs.isEmpty()) {
      throw new IllegalStateException("No output operations registered, so nothing to execute: add foreachBatch,"
          + " print or saveAsTextFiles to a stream before start()");
    }
    Set<Stage<?>> needed = new HashSet<>();
    Deque<Stage<?>> toVisit = new ArrayDeque<>();
    outputs.forEach(o -> toVisit.add(o.stage()));
    while (!toVisit.isEmpty()) {
      Stage<?> stage = toVisit.pop();
      if (needed.add(stage)) {
        toVisit.addAll(stage.parents());
      }
    }
    this.activeStages = stages.stream().filter(needed::contains).toList();
    this.zeroTime = zeroTime;
    this.started = true;
  }

  public long zeroTime() {
    return zeroTime;
  }

  /** The stages the outputs depend on, parents before children. */
  public List<Stage<?>> activeStages() {
    return activeStages;
  }

  public List<OutputOperation<?>> outputs() {
    return outputs;
  }

  public List<InputStage<?, ?>> activeInputs() {
    List<InputStage<?, ?>> inputs = new ArrayList<>();
    for (Stage<?> stage : activeStages) {
      if (stage instanceof InputStage<?, ?> input) {
        inputs.add(input);
      }
    }
    return inputs;
  }

  /** Keys held per stateful stage id, for the listener. */
  public Map<String, Long> stateSizes() {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (Stage<?> stage : activeStages) {
      if (stage instanceof StatefulStage<?, ?> stateful) {
        sizes.put(stage.id(), stateful.stateSize());
      }
    }
    return sizes;
  }

  /**
   * The longest window that keeps no state of its own ({@code window}, {@code reduceByKeyAndWindow}
   * without inverse): a recovery refills it by recomputing that long a past.
   */
  public long longestStatelessWindowMillis() {
    long longest = 0;
    for (Stage<?> stage : activeStages) {
      if (stage instanceof WindowedStage<?> windowed && !(stage instanceof StatefulStage<?, ?>)) {
        longest = Math.max(longest, windowed.windowLengthMillis());
      }
    }
    return longest;
  }

  /**
   * How long before the newest completed batch the state a recovery restores must be, so that every
   * window without state of its own that a stateful stage feeds (directly or through other stages) is
   * refilled: a recomputed batch that the restored state already holds gives no stateful output, so the
   * window's past must be recomputed from an older state. Windows in a chain add up; 0 without such windows.
   */
  public long windowLengthAfterStateMillis() {
    Map<Stage<?>, Long> pastNeeded = new HashMap<>(); // of stateful outputs, by stage; absent: none upstream
    long longest = 0;
    for (Stage<?> stage : activeStages) {
      Long needed = null;
      for (Stage<?> parent : stage.parents()) {
        Long ofParent = parent instanceof StatefulStage<?, ?> ? Long.valueOf(0) : pastNeeded.get(parent);
        if (ofParent != null) {
          needed = needed == null ? ofParent : Math.max(needed, ofParent);
        }
      }
      if (needed != null) {
        if (stage instanceof WindowedStage<?> window && !(stage instanceof StatefulStage<?, ?>)) {
          needed += window.windowLengthMillis();
        }
        pastNeeded.put(stage, needed);
        longest = Math.max(longest, needed);
      }
    }
    return longest;
  }

  /** The stateful stages, in registration order: the ones a data checkpoint writes and a recovery restores. */
  public List<StatefulStage<?, ?>> statefulStages() {
    List<StatefulStage<?, ?>> stateful = new ArrayList<>();
    for (Stage<?> stage : stages) {
      if (stage instanceof StatefulStage<?, ?> s) {
        stateful.add(s);
      }
    }
    return stateful;
  }

  /** How long past batches must stay recomputable: the longest window of the graph. */
  public long longestWindowMillis() {
    long longest = 0;
    for (Stage<?> stage : activeStages) {
      if (stage instanceof WindowedStage<?> windowed) {
        longest = Math.max(longest, windowed.windowLengthMillis());
      }
    }
    return longest;
  }
}
