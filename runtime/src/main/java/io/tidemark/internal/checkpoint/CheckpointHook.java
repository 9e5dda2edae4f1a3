package io.tidemark.internal.checkpoint;

import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.SourcePosition;
import io.tidemark.internal.source.WriteAheadLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the job runner tells a checkpoint writer about each batch it runs (not about batches recomputed
 * during a recovery). Called on the job runner thread, so the stages' state is quiet meanwhile.
 */
public interface CheckpointHook {

  /**
   * The batch is about to run: start recording it as pending, in the background while its stages
   * compute (its record depends on the batches before it, not on its own results).
   */
  void batchStarting(GeneratedBatch batch, Planning planning);

  /** The batch's stages have run and its outputs are next: returns once it is durably recorded as pending. */
  void beforeOutputs();

  /**
   * The batch completed, outputs included: record that. When batches are queued behind it, the record
   * may be left to the next batch's; a crash before it is durable runs the batch's outputs again at
   * restart, as a crash during them would.
   */
  void afterBatch(GeneratedBatch batch, Planning planning);

  /**
   * A graceful stop has run every batch: checkpoint the state as it is now, so a restart recomputes
   * nothing. {@code planning} has no pending batch.
   */
  void afterGracefulStop(Planning planning);

  /** The write-ahead log of receiver {@code sourceId}, opened on the first call; empty when the log is off. */
  Optional<WriteAheadLog> writeAheadLog(String sourceId);

  /**
   * The job generator's side at one instant, never in the middle of planning a batch: the batches
   * generated and not completed, oldest first, and every source's position after planning them.
   */
  record Planning(List<GeneratedBatch> pending, Map<String, SourcePosition> positions) {}
}
