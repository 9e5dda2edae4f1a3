package io.tidemark.engine;

import io.tidemark.source.InputDescriptor;
import io.tidemark.source.InputSource;
import io.tidemark.source.SourceContext;
import io.tidemark.source.SourcePosition;
import io.tidemark.stream.BatchInfo;
import java.util.List;

/** The stage of an input source: reads the batch its source planned and splits it into partitions. */
public final class InputStage<T, D extends InputDescriptor> extends MaterializedStage<T> {

  private final InputSource<T, D> source;

  public InputStage(StreamGraph graph, InputSource<T, D> source) {
    this(graph, graph.generatedId(source.kind()), source);
  }

  private InputStage(StreamGraph graph, String id, InputSource<T, D> source) {
    super(graph, id, source.kind(), graph.batchIntervalMillis(), List.of());
    this.source = source;
  }

  /** The source, for read-only views of it (the status page); the engine alone plans and reads. */
  public InputSource<T, D> source() {
    return source;
  }

  /** What the source reads: {@code queue}, {@code socket}, {@code textFile}. */
  public String sourceKind() {
    return source.kind();
  }

  void start(SourceContext context) {
    source.start(context);
  }

  InputDescriptor plan(long batchTimeMillis) {
    return source.plan(batchTimeMillis);
  }

  @SuppressWarnings("unchecked") // the scheduler stores what this source's plan() returned under its id
  void release(InputDescriptor descriptor) {
    source.release((D) descriptor);
  }

  @SuppressWarnings("unchecked") // the scheduler stores what this source's plan() returned under its id
  void completed(InputDescriptor descriptor, BatchInfo info) {
    source.completed((D) descriptor, info);
  }

  SourcePosition position() {
    return source.position();
  }

  @SuppressWarnings("unchecked") // descriptors recorded under this source's id are of the type it plans
  void resume(SourcePosition position, List<InputDescriptor> replayed) {
    source.resume(position, (List<D>) replayed);
  }

  void stop() {
    source.stop();
  }

  boolean hasUnplannedData() {
    return source.hasUnplannedData();
  }

  @Override
  @SuppressWarnings("unchecked")
  protected PartitionedBatch<T> compute(BatchRun run) {
    D descriptor = (D) run.inputOf(id());
    // a source added by an upgrade has no input in the batches recovered from the checkpoint
    PartitionedBatch<T> data = descriptor == null ? PartitionedBatch.empty(run.parallelism())
        : source.readPartitioned(descriptor, run.parallelism());
    run.addRecordsIn(data.size());
    return data;
  }
}
