package io.tidemark.stream;

import io.tidemark.function.BatchTime;
import io.tidemark.function.Durations;
import io.tidemark.function.KV;
import io.tidemark.internal.plan.Operation;
import io.tidemark.internal.plan.OutputNode;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.sink.DriverSink;
import io.tidemark.internal.sink.KafkaSink;
import io.tidemark.internal.sink.PrintSink;
import io.tidemark.internal.sink.TextFilesSink;
import io.tidemark.sink.BatchSink;
import io.tidemark.sink.PartitionedSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A discretized stream: a sequence of batches of {@code T}, one per batch interval (or per slide, after
 * a window). Operations build new streams; outputs ({@link #foreachBatch}, {@link #print}, {@link
 * #saveAsTextFiles}) make the pipeline run them. Functions passed here run on worker threads, are never
 * serialized, and need not be {@code Serializable}.
 */
public class DStream<T> {

  final StreamingContext context;
  final PlanNode<T> node;

  DStream(StreamingContext context, PlanNode<T> node) {
    this.context = context;
    this.node = node;
  }

  /** The stage id: given for stateful stages, generated ({@code map-3}) for the others, or set by {@link #uid}. */
  public String id() {
    return node.id();
  }

  /**
   * Gives this stream's stage the stable {@code id} (matching {@code [A-Za-z][A-Za-z0-9_.-]*}, unique in
   * the context) and returns this stream. A source's checkpointed position is keyed by it, so a source
   * (and any stage whose checkpointed data must survive an upgrade) should have one; generated ids depend
   * on the order stages are defined in. Only before {@code start()}.
   */
  public DStream<T> uid(String id) {
    context.plan().assignId(node, id);
    return this;
  }

  public StreamingContext context() {
    return context;
  }

  /** How often this stream produces a batch: the batch interval, or the slide of a window. */
  public Duration slideDuration() {
    return Duration.ofMillis(node.slideMillis());
  }

  /** A stage with the same slide as this one, computing {@code operation} from it. */
  <R> DStream<R> derive(Operation operation) {
    return new DStream<>(context, context.plan().addNarrow(operation, node));
  }

  <K, V> PairDStream<K, V> derivePairs(Operation operation) {
    return new PairDStream<>(context, context.plan().addNarrow(operation, node));
  }

  public <R> DStream<R> map(Function<? super T, ? extends R> function) {
    return derive(new Operation.Mapping("map", function));
  }

  public <R> DStream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> function) {
    return derive(new Operation.FlatMap(function));
  }

  public DStream<T> filter(Predicate<? super T> predicate) {
    return derive(new Operation.Filter(predicate));
  }

  /** A keyed stream: {@code function} returns each element's key and value. */
  public <K, V> PairDStream<K, V> mapToPair(Function<? super T, KV<K, V>> function) {
    return derivePairs(new Operation.Mapping("mapToPair", function));
  }

  /** Both streams' elements in each batch; the streams must produce batches at the same times. */
  public DStream<T> union(DStream<? extends T> other) {
    return new DStream<>(context, combined(new Operation.Union(), other));
  }

  /**
   * A stage computing {@code operation} from this stream and {@code other}, which must belong to the
   * same context and produce batches at the same times.
   */
  <R> PlanNode<R> combined(Operation operation, DStream<?> other) {
    String kind = operation.kind();
    if (other.context != context) {
      throw new IllegalArgumentException("Cannot " + kind + " " + other.node + " of another StreamingContext with "
          + node);
    }
    if (node.slideMillis() != other.node.slideMillis()) {
      throw new IllegalArgumentException("Cannot " + kind + " streams with different slide durations: " + node
          + " slides every " + node.slideMillis() + " ms, " + other.node + " every " + other.node.slideMillis() + " ms");
    }
    return context.plan().add(null, operation, node.slideMillis(), List.of(node, other.node));
  }

  /** An arbitrary function of each whole batch (and its time), e.g. to sort or to join with a table. */
  public <R> DStream<R> transform(BiFunction<BatchTime, List<T>, ? extends List<R>> function) {
    return derive(transformOf(function));
  }

  /** As {@link #transform}, producing a keyed stream. */
  public <K, V> PairDStream<K, V> transformToPair(BiFunction<BatchTime, List<T>, ? extends List<KV<K, V>>> function) {
    return derivePairs(transformOf(function));
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // the plan erases element types
  private static Operation transformOf(BiFunction<BatchTime, ?, ?> function) {
    return new Operation.Transform((BiFunction) function);
  }

  /**
   * Every {@code slide}, the elements of the batches in the last {@code length}. Both must be multiples
   * of the batch interval.
   */
  public DStream<T> window(Duration length, Duration slide) {
    return new DStream<>(context, windowed(null, new Operation.Window(length.toMillis()), length, slide));
  }

  /**
   * A window stage computing {@code operation}, after checking that its length and slide are positive
   * multiples of the batch interval and of this stream's slide; the message names the stage and both
   * durations.
   */
  <R> PlanNode<R> windowed(String givenId, Operation operation, Duration length, Duration slide) {
    String id = givenId != null ? givenId : context.plan().generatedId(operation.kind());
    long len = length.toMillis();
    long sl = slide.toMillis();
    long batchInterval = context.batchInterval().toMillis();
    String what = "Window stage '" + id + "' (length " + Durations.format(length)
        + ", slide " + Durations.format(slide) + ")";
    if (len <= 0 || sl <= 0) {
      throw new IllegalArgumentException(what + ": length and slide must be positive");
    }
    if (len % batchInterval != 0 || sl % batchInterval != 0) {
      throw new IllegalArgumentException(what + ": length and slide must be multiples of the batch interval "
          + batchInterval + " ms");
    }
    if (len % node.slideMillis() != 0 || sl % node.slideMillis() != 0) {
      throw new IllegalArgumentException(what + ": length and slide must be multiples of the slide "
          + node.slideMillis() + " ms of its parent " + node);
    }
    return context.plan().add(id, operation, sl, List.of(node));
  }

  /** One element per batch: its number of elements. */
  public DStream<Long> count() {
    return derive(new Operation.Count());
  }

  /** Every {@code slide}, the number of elements in the last {@code length}. */
  public DStream<Long> countByWindow(Duration length, Duration slide) {
    return window(length, slide).count();
  }

  /** Calls {@code sink} with each batch as a list, on the job runner thread, in batch order. */
  public Output foreachBatch(BatchSink<T> sink) {
    return output("foreachBatch", new OutputNode.OnDriver(DriverSink.of(sink)));
  }

  /** Prints the first ten elements of each batch to standard output. */
  public Output print() {
    return print(10);
  }

  /** Prints the first {@code count} elements of each batch to standard output, in Spark's format. */
  public Output print(int count) {
    return output("print", new OutputNode.OnDriver(new PrintSink<>(count, System.out)));
  }

  /** Writes each batch to the directory {@code prefix-<timeMs>}, one {@code part-NNNNN} file per partition. */
  public Output saveAsTextFiles(String prefix) {
    return saveAsTextFiles(prefix, "");
  }

  /** Writes each batch to {@code prefix-<timeMs>.suffix}; a rerun of a batch replaces its directory. */
  public Output saveAsTextFiles(String prefix, String suffix) {
    return output("saveAsTextFiles", new OutputNode.PerPartition(new TextFilesSink<>(prefix, suffix)));
  }

  /**
   * Writes each batch to Kafka {@code topic} exactly once: one transaction per batch, skipped when a
   * recovery runs a batch an earlier run already committed. The {@code transactional.id} is {@code
   * <pipeline name>.<output id>} unless the properties give one: give the output a stable id ({@link
   * Output#uid}). Consumers must read with {@code isolation.level=read_committed}.
   *
   * @param toRecord each element's key and value
   */
  public <K, V> Output writeToKafka(String topic, Map<String, String> producerProperties, Serializer<K> keys,
      Serializer<V> values, Function<? super T, KV<K, V>> toRecord) {
    return output("writeToKafka",
        new OutputNode.OnDriver(new KafkaSink<>(topic, producerProperties, keys, values, toRecord)));
  }

  /**
   * Writes each batch to {@code sink}, partition by partition: the way to add an output of your own (see
   * {@link PartitionedSink} for what exactly-once asks of it). Give the output a stable id ({@link
   * Output#uid}): a sink keys its markers by it.
   */
  public Output writeTo(PartitionedSink<T> sink) {
    return output("writeTo", new OutputNode.PerPartition(sink));
  }

  private Output output(String kind, OutputNode.Target target) {
    return new Output(context.plan(), context.plan().addOutput(kind, node, target));
  }

  @Override
  public String toString() {
    return node.toString();
  }
}
