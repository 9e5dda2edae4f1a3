package io.tidemark.internal.local;

import io.tidemark.function.BatchTime;
import io.tidemark.internal.plan.OutputNode;
import io.tidemark.internal.sink.DriverSink;
import io.tidemark.internal.source.PartitionedBatch;
import io.tidemark.sink.OutputContext;
import io.tidemark.sink.PartitionedSink;
import java.util.List;

/**
 * Runs an {@link OutputNode} on the local engine: at every batch time its stage produces a batch, the
 * whole batch to a driver sink on the job runner thread, or each partition to a partitioned sink in the
 * partition's task, then the batch's commit. A sink is opened before its first batch, when the output's
 * id is final.
 */
final class OutputOperation<T> {

  private final OutputNode node;
  private final Stage<T> stage;
  private final OutputContext context;
  private boolean opened;

  OutputOperation(OutputNode node, Stage<T> stage, OutputContext context) {
    this.node = node;
    this.stage = stage;
    this.context = context;
  }

  String id() {
    return node.id();
  }

  /** Writes this batch's data if the stage has a batch now; returns the records written, or -1 if it has none. */
  @SuppressWarnings("unchecked") // the plan pairs an output with the stage whose elements its sink takes
  long run(BatchRun run) {
    if (!stage.isValidAt(run.timeMillis())) {
      return -1;
    }
    BatchTime time = run.batchTime();
    try {
      if (node.target() instanceof OutputNode.OnDriver onDriver) {
        DriverSink<T> sink = (DriverSink<T>) onDriver.sink();
        open(sink::open);
        List<T> all = stage.materialize(run).toList();
        sink.write(time, all);
        return all.size();
      } else {
        PartitionedSink<T> sink = (PartitionedSink<T>) ((OutputNode.PerPartition) node.target()).sink();
        open(sink::open);
        PartitionedBatch<T> batch = stage.materialize(run);
        run.pool().mapPartitions(p -> {
          try {
            sink.writePartition(time, p, batch.partition(p));
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new OutputException(node + " failed to write partition " + p + " of batch " + time + ": " + e, e);
          }
          return null;
        });
        sink.commitBatch(time, batch.partitionCount());
        return batch.size();
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new OutputException(node + " failed for batch " + time + ": " + e, e);
    }
  }

  private void open(SinkOpener opener) throws Exception {
    if (!opened) {
      opener.open(context);
      opened = true;
    }
  }

  @FunctionalInterface
  private interface SinkOpener {
    void open(OutputContext context) throws Exception;
  }

  /** The context stopped: the sink releases what it holds (a producer, a connection). */
  void close() {
    try {
      if (node.target() instanceof OutputNode.OnDriver onDriver) {
        onDriver.sink().close();
      } else {
        ((OutputNode.PerPartition) node.target()).sink().close();
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new OutputException(node + " failed to close: " + e, e);
    }
  }

  /** A sink threw a checked exception: the batch fails with it, the output named. */
  static final class OutputException extends RuntimeException {
    OutputException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
