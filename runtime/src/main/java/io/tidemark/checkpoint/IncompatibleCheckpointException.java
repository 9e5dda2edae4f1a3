package io.tidemark.checkpoint;

import io.tidemark.schema.PipelineReport;

/**
 * The current code cannot take over a checkpoint: the message is the readable report, each finding
 * with its path, what changed and the fix. Nothing in the checkpoint directory was changed.
 */
public final class IncompatibleCheckpointException extends CheckpointException {

  private final transient PipelineReport report;

  public IncompatibleCheckpointException(String metadataFile, String pipeline, PipelineReport report) {
    super("The checkpoint " + metadataFile + " of pipeline '" + pipeline + "' cannot be read by the current code;"
        + " nothing in the checkpoint directory was changed. " + report + System.lineSeparator()
        + "Fix each ERROR above and start again, or start with a new checkpoint directory (the checkpointed state,"
        + " source positions and pending batches are then lost).");
    this.report = report;
  }

  public PipelineReport report() {
    return report;
  }
}
