package io.tidemark.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of a {@link PipelineDescriptor}.
 *
 * @param id the stable id checkpointed state and source positions are keyed by
 * @param kind what the stage does: {@value #SOURCE}, an operation ({@code map}, {@code updateStateByKey},
 *     {@code reduceByKeyAndWindow}, ...) or {@value #OUTPUT}
 * @param from the ids of the stages it reads, in order (empty for sources)
 * @param window the window of a windowed stage
 * @param state the schemas of a stateful stage's state
 * @param formerIds earlier ids of this stage: a renamed stateful stage takes over the state checkpointed
 *     under one of them
 * @param sourceKind what a source reads ({@code queue}, {@code socket}, {@code textFile}); null for
 *     other stages, and for a source whose kind is unknown: the annotation processor writes descriptors
 *     before any source exists, so a {@code SourceSpec}'s kind is known only to the runtime
 */
public record StageDescriptor(String id, String kind, List<String> from, Optional<WindowDescriptor> window,
    Optional<StateDescriptor> state, List<String> formerIds, String sourceKind) {

  public static final String SOURCE = "source";
  public static final String OUTPUT = "output";

  public StageDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    from = List.copyOf(from);
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(state, "state");
    formerIds = List.copyOf(formerIds);
    if (sourceKind != null && !kind.equals(SOURCE)) {
      throw new IllegalArgumentException("stage " + id + " of kind " + kind + " has a source kind");
    }
  }

  /** A stage other than a source. */
  public StageDescriptor(String id, String kind, List<String> from, Optional<WindowDescriptor> window,
      Optional<StateDescriptor> state, List<String> formerIds) {
    this(id, kind, from, window, state, formerIds, null);
  }

  /** A source reading {@code sourceKind}, or of unknown kind if null. */
  public static StageDescriptor source(String id, String sourceKind, List<String> formerIds) {
    return new StageDescriptor(id, SOURCE, List.of(), Optional.empty(), Optional.empty(), formerIds, sourceKind);
  }

  public boolean isSource() {
    return kind.equals(SOURCE);
  }

  /** A stage without window or state. */
  public static StageDescriptor stateless(String id, String kind, List<String> from) {
    return new StageDescriptor(id, kind, from, Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * The length and slide of a windowed stage, in milliseconds.
   */
  public record WindowDescriptor(long lengthMillis, long slideMillis) {}

  /**
   * The schemas of a stateful stage's state: each entry is a key and a value ({@code updateStateByKey}
   * and {@code mapWithState}: the state; {@code reduceByKeyAndWindow}: the reduced value).
   */
  public record StateDescriptor(Schema key, Schema value) {

    public StateDescriptor {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
