package io.tidemark.sink;

import io.tidemark.function.BatchTime;
import java.util.List;

/**
 * An output of your own, written partition by partition: attach it with {@code DStream.writeTo}. This is
 * the shape every engine can run: on one JVM the partitions of a batch are written by the worker
 * threads; on a cluster each by the task that computed it, with the sink rebuilt there from the
 * pipeline's code (a sink is never serialized).
 *
 * <p>Exactly-once is the sink's side of a contract: the toolkit runs a batch's outputs only after the
 * batch is durably recorded as pending, and a crash before the batch is recorded as completed runs its
 * outputs again at restart, with the same batch time, the same partitions and the same records. A sink
 * makes the rerun harmless by being idempotent per (batch time, partition) — replace a file, upsert by
 * key — or transactional — commit the records together with a marker of (batch time, partition), and
 * skip a partition whose marker is already there.
 */
public interface PartitionedSink<T> {

  /** Called once before the first batch, when the output's id is final. */
  default void open(OutputContext context) throws Exception {}

  /**
   * Writes partition {@code partition} of the batch at {@code time}. Partitions of one batch may be
   * written concurrently, each by one thread; a batch is written only after the one before it
   * committed.
   */
  void writePartition(BatchTime time, int partition, List<T> records) throws Exception;

  /**
   * Every partition of the batch at {@code time} was written: make the batch visible, if the sink
   * stages its partitions (e.g. renames a temporary directory). Called once per batch, after {@link
   * #writePartition} returned for each partition.
   */
  default void commitBatch(BatchTime time, int partitionCount) throws Exception {}

  /** The pipeline stopped and writes no more batches: release what the sink holds (a connection pool, a producer). */
  default void close() throws Exception {}
}
