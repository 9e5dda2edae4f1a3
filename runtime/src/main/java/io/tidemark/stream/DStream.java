package io.tidemark.stream;

import io.tidemark.engine.CountStage;
import io.tidemark.engine.FilterStage;
import io.tidemark.engine.FlatMapStage;
import io.tidemark.engine.MapStage;
import io.tidemark.engine.OutputOperation;
import io.tidemark.engine.Stage;
import io.tidemark.engine.TransformStage;
import io.tidemark.engine.UnionStage;
import io.tidemark.engine.WindowStage;
import io.tidemark.sink.BatchSink;
import io.tidemark.sink.KafkaSink;
import io.tidemark.sink.OutputContext;
import io.tidemark.sink.PartitionedBatchSink;
import io.tidemark.sink.PartitionedSink;
import io.tidemark.sink.PrintSink;
import io.tidemark.sink.TextFilesSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
  final Stage<T> stage;

  DStream(StreamingContext context, Stage<T> stage) {
    this.context = context;
    this.stage = stage;
  }

  /** The stage id: given for stateful stages, generated ({@code map-3}) for the others, or set by {@link #uid}. */
  public String id() {
    return stage.id();
  }

  /**
   * Gives this stream's stage the stable {@code id} (matching {@code [A-Za-z][A-Za-z0-9_.-]*}, unique in
   * the context) and returns this stream. A source's checkpointed position is keyed by it, so a source
   * (and any stage whose checkpointed data must survive an upgrade) should have one; generated ids depend
   * on the order stages are defined in. Only before {@code start()}.
   */
  public DStream<T> uid(String id) {
    context.graph().assignId(stage, id);
    return this;
  }

  public StreamingContext context() {
    return context;
  }

  /** How often this stream produces a batch: the batch interval, or the slide of a window. */
  public Duration slideDuration() {
    return Duration.ofMillis(stage.slideMillis());
  }

  <R> DStream<R> derive(Stage<R> child) {
    return new DStream<>(context, context.graph().add(child));
  }

  <K, V> PairDStream<K, V> derivePairs(Stage<KV<K, V>> child) {
    return new PairDStream<>(context, context.graph().add(child));
  }

  public <R> DStream<R> map(Function<? super T, ? extends R> function) {
    return derive(new MapStage<>("map", stage, function));
  }

  public <R> DStream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> function) {
    return derive(new FlatMapStage<>(stage, function));
  }

  public DStream<T> filter(Predicate<? super T> predicate) {
    return derive(new FilterStage<>(stage, predicate));
  }

  /** A keyed stream: {@code function} returns each element's key and value. */
  public <K, V> PairDStream<K, V> mapToPair(Function<? super T, KV<K, V>> function) {
    return derivePairs(new MapStage<T, KV<K, V>>("mapToPair", stage, function));
  }

  /** Both streams' elements in each batch; the streams must produce batches at the same times. */
  public DStream<T> union(DStream<? extends T> other) {
    return derive(new UnionStage<T>(stage, sameContext(other).stage));
  }

  DStream<? extends T> sameContext(DStream<? extends T> other) {
    if (other.context != context) {
      throw new IllegalArgumentException("Cannot combine " + other.stage + " of another StreamingContext with " + stage);
    }
    return other;
  }

  /** An arbitrary function of each whole batch (and its time), e.g. to sort or to join with a table. */
  public <R> DStream<R> transform(BiFunction<BatchTime, List<T>, ? extends List<R>> function) {
    return derive(new TransformStage<>(stage, function));
  }

  /** As {@link #transform}, producing a keyed stream. */
  public <K, V> PairDStream<K, V> transformToPair(BiFunction<BatchTime, List<T>, ? extends List<KV<K, V>>> function) {
    return derivePairs(new TransformStage<>(stage, function));
  }

  /**
   * Every {@code slide}, the elements of the batches in the last {@code length}. Both must be multiples
   * of the batch interval.
   */
  public DStream<T> window(Duration length, Duration slide) {
    return derive(new WindowStage<>(stage, length, slide));
  }

  /** One element per batch: its number of elements. */
  public DStream<Long> count() {
    return derive(new CountStage<>(stage));
  }

  /** Every {@code slide}, the number of elements in the last {@code length}. */
  public DStream<Long> countByWindow(Duration length, Duration slide) {
    return window(length, slide).count();
  }

  /** Calls {@code sink} with each batch as a list, on the job runner thread, in batch order. */
  public Output foreachBatch(BatchSink<T> sink) {
    return output("foreachBatch", PartitionedBatchSink.of(sink));
  }

  /** Prints the first ten elements of each batch to standard output. */
  public Output print() {
    return print(10);
  }

  /** Prints the first {@code count} elements of each batch to standard output, in Spark's format. */
  public Output print(int count) {
    return output("print", PartitionedBatchSink.of(new PrintSink<>(count, System.out)));
  }

  /** Writes each batch to the directory {@code prefix-<timeMs>}, one {@code part-NNNNN} file per partition. */
  public Output saveAsTextFiles(String prefix) {
    return saveAsTextFiles(prefix, "");
  }

  /** Writes each batch to {@code prefix-<timeMs>.suffix}; a rerun of a batch replaces its directory. */
  public Output saveAsTextFiles(String prefix, String suffix) {
    return output("saveAsTextFiles", new TextFilesSink<>(prefix, suffix));
  }

  /**
   * Writes each batch to Kafka {@code topic} exactly once: one transaction per batch, skipped when a
   * recovery runs a batch an earlier run already committed (see {@link KafkaSink}). The {@code
   * transactional.id} is {@code <pipeline name>.<output id>} unless the properties give one: give the
   * output a stable id ({@link Output#uid}). Consumers must read with {@code isolation.level=read_committed}.
   *
   * @param toRecord each element's key and value
   */
  public <K, V> Output writeToKafka(String topic, Map<String, String> producerProperties, Serializer<K> keys,
      Serializer<V> values, Function<? super T, KV<K, V>> toRecord) {
    // the id is final only once uid() has been called on the Output this returns: read it at the first write
    AtomicReference<Output> registered = new AtomicReference<>();
    Output output = output("writeToKafka", new KafkaSink<>(topic, producerProperties, keys, values, toRecord,
        () -> context.name() + "." + registered.get().id()));
    registered.set(output);
    return output;
  }

  /**
   * Writes each batch to {@code sink}, partition by partition: the way to add an output of your own (see
   * {@link PartitionedSink} for what exactly-once asks of it). Give the output a stable id ({@link
   * Output#uid}): a sink keys its markers by it.
   */
  public Output writeTo(PartitionedSink<T> sink) {
    AtomicReference<Output> registered = new AtomicReference<>();
    Output output = output("writeTo", new PartitionedBatchSink<T>() {
      private boolean opened;

      @Override
      public void write(BatchTime time, io.tidemark.engine.PartitionedBatch<T> batch) {
        try {
          if (!opened) {
            sink.open(new OutputContext(context.name(), registered.get().id(), batch.partitionCount()));
            opened = true;
          }
          for (int p = 0; p < batch.partitionCount(); p++) {
            sink.writePartition(time, p, batch.partition(p));
          }
          sink.commitBatch(time, batch.partitionCount());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("Output '" + registered.get().id() + "' failed for batch " + time + ": "
              + e.getMessage(), e);
        }
      }

      @Override
      public void close() {
        try {
          sink.close();
        } catch (Exception e) {
          throw new IllegalStateException("Output '" + registered.get().id() + "' failed to close: " + e.getMessage(), e);
        }
      }
    });
    registered.set(output);
    return output;
  }

  private Output output(String kind, PartitionedBatchSink<T> sink) {
    OutputOperation<T> output = new OutputOperation<>(context.graph().generatedId(kind), kind, stage, sink);
    context.graph().addOutput(output);
    return new Output(context.graph(), output);
  }

  @Override
  public String toString() {
    return stage.toString();
  }
}
