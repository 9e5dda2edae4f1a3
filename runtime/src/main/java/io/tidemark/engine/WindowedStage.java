package io.tidemark.engine;

/** A stage whose batch covers the last {@link #windowLengthMillis()} of its parent's batches. */
public interface WindowedStage {
  long windowLengthMillis();
}
