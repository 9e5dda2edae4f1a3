package io.tidemark.internal.plan;

import io.tidemark.internal.checkpoint.RecomputeHorizon;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.source.InputSource;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import io.tidemark.schema.StageDescriptor;
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
 * What a pipeline computes, independent of how it runs: its stages ({@link PlanNode}) and outputs in
 * registration order (a topological order: a stage is built from stages that already exist), the
 * stage ids a checkpoint keys its data by, and the renames and drops declared against earlier versions.
 * The DStream API builds it; {@link #freeze} ends building; an {@link Engine} runs it. Like Spark's
 * {@code DStreamGraph}, it knows the graph and nothing of scheduling or execution.
 */
public final class LogicalPlan {

  /** What an id assigned to a stage must look like: it names checkpoint directories and descriptor entries. */
  public static final Pattern STABLE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

  private final String name;
  private final long batchIntervalMillis;
  private final int parallelism;
  private final List<PlanNode<?>> nodes = new ArrayList<>();
  private final List<OutputNode> outputs = new ArrayList<>();
  /** Every id in use, with what uses it (for the message when a second stage claims it). */
  private final Map<String, String> owners = new HashMap<>();
  private final Map<String, List<String>> formerIds = new LinkedHashMap<>();
  private final List<String> droppedStages = new ArrayList<>();
  private int generatedIds;
  private boolean frozen;
  private List<PlanNode<?>> activeNodes = List.of();

  public LogicalPlan(String name, Duration batchInterval, int parallelism) {
    if (batchInterval.toMillis() <= 0) {
      throw new IllegalArgumentException("The batch interval must be at least 1 ms, got " + batchInterval);
    }
    this.name = name;
    this.batchIntervalMillis = batchInterval.toMillis();
    this.parallelism = parallelism;
  }

  public String name() {
    return name;
  }

  public long batchIntervalMillis() {
    return batchIntervalMillis;
  }

  /** How many partitions every stage's batch has. */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Adds a stage computing {@code operation} from {@code parents}: under {@code id}, or (null) a
   * generated id that depends only on the order stages are defined in, so the same program always
   * yields the same ids.
   */
  public <T> PlanNode<T> add(String id, Operation operation, long slideMillis, List<PlanNode<?>> parents) {
    PlanNode<T> node = new PlanNode<>(id != null ? id : generatedId(operation.kind()), operation, slideMillis, parents);
    checkNotFrozen("add " + node);
    claim(node.id(), node.toString());
    nodes.add(node);
    return node;
  }

  /** Adds a stage with the same slide as its only parent, under a generated id. */
  public <T> PlanNode<T> addNarrow(Operation operation, PlanNode<?> parent) {
    return add(null, operation, parent.slideMillis(), List.of(parent));
  }

  /** Adds an input stage reading {@code source}, producing a batch every batch interval. */
  public <T> PlanNode<T> addInput(InputSource<T, ?> source) {
    return add(null, new Operation.Input(source), batchIntervalMillis, List.of());
  }

  /** Adds an output of {@code input}'s batches, under a generated id. */
  public OutputNode addOutput(String kind, PlanNode<?> input, OutputNode.Target target) {
    OutputNode output = new OutputNode(generatedId(kind), kind, input, target);
    checkNotFrozen("add " + output);
    claim(output.id(), output.toString());
    outputs.add(output);
    return output;
  }

  /** A deterministic id for a stage without one: the same program always yields the same ids. */
  public String generatedId(String kind) {
    return kind + "-" + generatedIds++;
  }

  /** Gives {@code node} the stable {@code id} (see {@code DStream.uid}); the same id again is a no-op. */
  public void assignId(PlanNode<?> node, String id) {
    if (id.equals(node.id())) {
      return;
    }
    String before = node.toString();
    checkNotFrozen("give " + before + " the id '" + id + "'");
    checkStableId(id, before);
    claim(id, before + " (as '" + id + "')");
    owners.remove(node.id());
    node.id(id);
    owners.put(id, node.toString());
  }

  /** Gives the output {@code current} the stable {@code id}; returns the output under its new id. */
  public OutputNode assignId(OutputNode current, String id) {
    if (id.equals(current.id())) {
      return current;
    }
    checkNotFrozen("give " + current + " the id '" + id + "'");
    checkStableId(id, current.toString());
    claim(id, current + " (as '" + id + "')");
    owners.remove(current.id());
    OutputNode renamed = current.withId(id);
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

  private void checkNotFrozen(String action) {
    if (frozen) {
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
   * The descriptor of this plan as defined so far: every stage and output, in registration order, with
   * its inputs, window and state schemas.
   */
  public PipelineDescriptor descriptor() {
    List<StageDescriptor> described = new ArrayList<>();
    for (PlanNode<?> node : nodes) {
      Optional<WindowDescriptor> window = node.operation() instanceof Operation.Windowed windowed
          ? Optional.of(new WindowDescriptor(windowed.lengthMillis(), node.slideMillis()))
          : Optional.empty();
      Optional<StageDescriptor.StateDescriptor> state = node.operation() instanceof Operation.Stateful stateful
          ? stateful.serializers().map(StateSerializers::descriptor)
          : Optional.empty();
      List<String> former = formerIds.getOrDefault(node.id(), List.of());
      described.add(node.operation() instanceof Operation.Input input
          ? StageDescriptor.source(node.id(), input.kind(), former)
          : new StageDescriptor(node.id(), node.kind(), node.parents().stream().map(PlanNode::id).toList(), window,
              state, former));
    }
    for (OutputNode output : outputs) {
      described.add(new StageDescriptor(output.id(), StageDescriptor.OUTPUT, List.of(output.input().id()),
          Optional.empty(), Optional.empty(), formerIds.getOrDefault(output.id(), List.of())));
    }
    return new PipelineDescriptor(name, batchIntervalMillis, described, droppedStages);
  }

  /**
   * Ends building: no stage or output can be added, no id changed. Only the stages some output depends
   * on are active (run).
   *
   * @throws IllegalStateException if the plan has no output
   */
  public void freeze() {
    if (frozen) {
      return;
    }
    if (outputs.isEmpty()) {
      throw new IllegalStateException("No output operations registered, so nothing to execute: add foreachBatch,"
          + " print or saveAsTextFiles to a stream before start()");
    }
    Set<PlanNode<?>> needed = new HashSet<>();
    Deque<PlanNode<?>> toVisit = new ArrayDeque<>();
    outputs.forEach(o -> toVisit.add(o.input()));
    while (!toVisit.isEmpty()) {
      PlanNode<?> node = toVisit.pop();
      if (needed.add(node)) {
        toVisit.addAll(node.parents());
      }
    }
    this.activeNodes = nodes.stream().filter(needed::contains).toList();
    this.frozen = true;
  }

  /** The stages the outputs depend on, parents before children; empty until {@link #freeze}. */
  public List<PlanNode<?>> activeNodes() {
    return activeNodes;
  }

  public List<OutputNode> outputs() {
    return List.copyOf(outputs);
  }

  /** The active input stages, in registration order. */
  public List<PlanNode<?>> activeInputs() {
    return activeNodes.stream().filter(node -> node.operation() instanceof Operation.Input).toList();
  }

  /**
   * Every stateful stage defined, active or not, in registration order: the ones a data checkpoint
   * writes and a recovery restores.
   */
  public List<PlanNode<?>> statefulNodes() {
    return nodes.stream().filter(node -> node.operation() instanceof Operation.Stateful).toList();
  }

  /** How long past batches must stay recomputable: the longest window of the active stages. */
  public long longestWindowMillis() {
    long longest = 0;
    for (PlanNode<?> node : activeNodes) {
      if (node.operation() instanceof Operation.Windowed windowed) {
        longest = Math.max(longest, windowed.lengthMillis());
      }
    }
    return longest;
  }

  /** How far back a recovery of this plan must recompute (see {@link RecomputeHorizon}). */
  public RecomputeHorizon recomputeHorizon() {
    return new RecomputeHorizon(windowLengthAfterStateMillis(), longestStatelessWindowMillis());
  }

  /** The longest window that keeps no state of its own: a recovery refills it by recomputing that long a past. */
  private long longestStatelessWindowMillis() {
    long longest = 0;
    for (PlanNode<?> node : activeNodes) {
      if (node.operation() instanceof Operation.Windowed windowed && !(windowed instanceof Operation.Stateful)) {
        longest = Math.max(longest, windowed.lengthMillis());
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
  private long windowLengthAfterStateMillis() {
    Map<PlanNode<?>, Long> pastNeeded = new HashMap<>(); // of stateful outputs, by stage; absent: none upstream
    long longest = 0;
    for (PlanNode<?> node : activeNodes) {
      Long needed = null;
      for (PlanNode<?> parent : node.parents()) {
        Long ofParent = parent.operation() instanceof Operation.Stateful ? Long.valueOf(0) : pastNeeded.get(parent);
        if (ofParent != null) {
          needed = needed == null ? ofParent : Math.max(needed, ofParent);
        }
      }
      if (needed != null) {
        if (node.operation() instanceof Operation.Windowed window && !(window instanceof Operation.Stateful)) {
          needed += window.lengthMillis();
        }
        pastNeeded.put(node, needed);
        longest = Math.max(longest, needed);
      }
    }
    return longest;
  }
}
