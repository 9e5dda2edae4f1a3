package io.tidemark.internal.driver;

import io.tidemark.function.BatchInfo;
import io.tidemark.internal.plan.Operation;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.InputDescriptor;
import io.tidemark.internal.source.InputSource;
import io.tidemark.internal.source.SourceContext;
import io.tidemark.internal.source.SourcePosition;
import java.util.List;

/**
 * The driver's side of an input stage: the source under its stage id, planned, positioned and told
 * about completed batches by the driver, whichever engine reads its data. Descriptors travel through
 * batches untyped; this is where they meet their source's type again.
 */
final class ActiveSource<D extends InputDescriptor> {

  private final String id;
  private final InputSource<?, D> source;

  private ActiveSource(String id, InputSource<?, D> source) {
    this.id = id;
    this.source = source;
  }

  static ActiveSource<?> of(PlanNode<?> input) {
    return new ActiveSource<>(input.id(), ((Operation.Input) input.operation()).source());
  }

  String id() {
    return id;
  }

  void start(SourceContext context) {
    source.start(context);
  }

  InputDescriptor plan(long batchTimeMillis) {
    return source.plan(batchTimeMillis);
  }

  @SuppressWarnings("unchecked") // batches record what this source's plan() returned under its id
  void release(InputDescriptor descriptor) {
    source.release((D) descriptor);
  }

  @SuppressWarnings("unchecked") // batches record what this source's plan() returned under its id
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
}
