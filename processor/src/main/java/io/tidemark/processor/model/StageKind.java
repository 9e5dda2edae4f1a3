package io.tidemark.processor.model;

/** What a stage method does, as its annotation and shape say. */
public enum StageKind {
  SOURCE,
  MAP,
  FLAT_MAP,
  /** {@code Optional<R> f(T)}: a flatMap to zero or one element. */
  OPTIONAL_MAP,
  FILTER,
  MAP_TO_PAIR,
  /** A method over whole streams, for joins, unions and {@code transform}. */
  STREAM_TRANSFORM,
  /** A window maintained with an inverse function: its state is checkpointed. */
  INVERSE_WINDOW,
  /** A window reduced again from its batches every slide: nothing to checkpoint. */
  RECOMPUTED_WINDOW,
  UPDATE_STATE,
  MAP_WITH_STATE,
  BATCH_SINK,
  SPEC_SINK;

  public boolean isSink() {
    return this == BATCH_SINK || this == SPEC_SINK;
  }

  public boolean isStateful() {
    return this == INVERSE_WINDOW || this == UPDATE_STATE || this == MAP_WITH_STATE;
  }
}
