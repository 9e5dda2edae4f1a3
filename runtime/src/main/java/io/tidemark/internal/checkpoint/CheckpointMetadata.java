package io.tidemark.internal.checkpoint;

import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.SourcePosition;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A metadata checkpoint: everything besides state that a restart needs to take up the run, as data.
 * Written as {@code metadata/batch-<batchTime>.json} ({@link MetadataJson}) before the batch's outputs
 * run, and again once it has completed.
 *
 * @param batchTime the batch it was written for
 * @param toolkitVersion the Tidemark version that wrote it
 * @param pipeline the descriptor of the pipeline that wrote it
 * @param config the configuration in use
 * @param zeroTime batch times are {@code zeroTime} plus multiples of the batch interval
 * @param checkpointIntervalMillis how often the state was checkpointed
 * @param lastCompletedBatch the newest batch whose outputs all ran, if any
 * @param stateTime the batch time of the current data checkpoint (the state after that batch), if any
 * @param positions each source's position after planning the pending batches
 * @param pending batches generated and not completed, oldest first
 * @param recompute completed batches a restart runs again without outputs, oldest first: those after
 *     {@code stateTime}, and those still inside a window that keeps no state
 * @param schemas the state schemas of the data checkpoint, by fingerprint, to resolve old state files
 */
public record CheckpointMetadata(long batchTime, String toolkitVersion, PipelineDescriptor pipeline,
    Map<String, String> config, long zeroTime, long checkpointIntervalMillis, OptionalLong lastCompletedBatch,
    OptionalLong stateTime, Map<String, SourcePosition> positions, List<GeneratedBatch> pending,
    List<GeneratedBatch> recompute, Map<Long, Schema> schemas) {

  public static final int FORMAT_VERSION = 1;

  public CheckpointMetadata {
    config = Map.copyOf(config);
    positions = Map.copyOf(positions);
    pending = List.copyOf(pending);
    recompute = List.copyOf(recompute);
    schemas = Map.copyOf(schemas);
  }
}
