package io.tidemark.internal.source;

import io.tidemark.function.BatchInfo;
import java.util.List;

/**
 * A source of input split into planning and reading. At each batch time the job generator calls {@link
 * #plan} (on its thread, in batch order) to decide what the batch contains; the job runner later calls
 * {@link #read} with that descriptor to get the data. A source must be able to read a descriptor until
 * it is {@link #release released}.
 *
 * @param <D> the descriptor type this source plans
 */
public interface InputSource<T, D extends InputDescriptor> {

  /** A short name for generated ids ({@code queue}, {@code socket}, {@code textFile}). */
  String kind();

  /** Called once when the context starts, before the first {@link #plan}. */
  default void start(SourceContext context) {}

  /** Decides the input of the batch at {@code batchTimeMillis}: takes what arrived since the last plan. */
  D plan(long batchTimeMillis);

  /** The records a descriptor stands for, in order. */
  List<T> read(D descriptor);

  /**
   * The records a descriptor stands for, split into the batch's {@code partitionCount} task partitions:
   * by default contiguous slices of {@link #read}; a source whose input is partitioned itself (Kafka)
   * keeps its partitions apart.
   */
  default PartitionedBatch<T> readPartitioned(D descriptor, int partitionCount) {
    return PartitionedBatch.split(read(descriptor), partitionCount);
  }

  /**
   * The batch planned with {@code descriptor} completed, its outputs included; called on the job runner
   * thread, in batch order, never for batches a recovery recomputes without outputs.
   */
  default void completed(D descriptor, BatchInfo info) {}

  /** The batch is done and no longer needs to be recomputable: drop what only it referenced. */
  default void release(D descriptor) {}

  /** Stops receiving new data; data already received stays plannable. */
  default void stop() {}

  /**
   * What this source has taken so far, for a checkpoint (null: nothing to resume from). Called between
   * two {@link #plan} calls, never during one.
   */
  default SourcePosition position() {
    return null;
  }

  /**
   * Takes up where a checkpointed source left off: called after {@link #start}, before the first {@link
   * #plan}, with the position the checkpoint recorded and the descriptors this source planned for the
   * batches the recovery will read again.
   */
  default void resume(SourcePosition position, List<D> replayed) {}

  /** True while data has been received that no batch has been planned with (for a graceful stop). */
  default boolean hasUnplannedData() {
    return false;
  }
}
