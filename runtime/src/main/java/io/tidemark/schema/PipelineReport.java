package io.tidemark.schema;

import java.util.Map;

/**
 * The verdict on reading a checkpoint with a pipeline's current code: {@code overall}, with every
 * finding behind it (stage-level ones at a stage id, schema ones at {@code stage.key…} or {@code
 * stage.value…}), and the verdict per stateful stage.
 */
public record PipelineReport(CompatibilityReport overall, Map<String, Verdict> stages) {

  public PipelineReport {
    stages = Map.copyOf(stages);
  }

  public Verdict verdict() {
    return overall.verdict();
  }

  public boolean isCompatible() {
    return overall.isCompatible();
  }

  /** The verdict, then one finding per line: path, what changed, and the fix for an error. */
  @Override
  public String toString() {
    return overall.toString();
  }
}
