package io.tidemark.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of a {@link PipelineDescriptor}.
 *
 * @param id the stable id checkpointed state and source positions are keyed by
 * @param kind what the stage does: a source kind ({@code queue}, {@code textFile}, {@code socket}), an
 *     operation ({@code map}, {@code updateStateByKey}, {@code reduceByKeyAndWindow}) or an output
 *     ({@code foreachBatch}, {@code saveAsTextFiles})
 * @param from the ids of the stages it reads, in order (empty for sources)
 * @param window the window of a windowed stage
 * @param state the schemas of a stateful stage's state
 * @param formerIds earlier ids of this stage: a renamed stateful stage takes over the state checkpointed
 *     under one of them
 */
public record StageDescriptor(String id, String kind, List<String> from, Optional<WindowDescriptor> window,
    Optional<StateDescriptor> state, List<String> formerIds) {

  public StageDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    from = List.copyOf(from);
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(state, "state");
    formerIds = List.copyOf(formerIds);
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
