package io.tidemark.engine;

/**
 * A stage whose output depends on state carried across batches. Its state lives in an explicit,
 * enumerable per-partition structure keyed by the stage's user-given id, so a checkpoint can write it
 * and restore it (re-partitioned if the parallelism changed).
 */
public interface StatefulStage {

  /** The number of keys currently held. */
  long stateSize();
}
