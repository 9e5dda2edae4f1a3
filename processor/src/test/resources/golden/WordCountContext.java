package test;

import io.tidemark.schema.Serializers;
import io.tidemark.stream.DStream;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.PipelineFactory;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingContextBuilder;
import java.time.Duration;
import javax.annotation.processing.Generated;

/**
 * Builds pipeline {@code wordcount} of {@link WordCount}; generated from its annotations.
 */
@Generated("io.tidemark.processor.PipelineProcessor")
public final class WordCountContext {
  public static final String NAME = "wordcount";

  public static final Duration BATCH_INTERVAL = Duration.ofMillis(1000);

  public static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(10000);

  private WordCountContext() {
  }

  /**
   * A builder with the pipeline's name and intervals, to set a clock or the parallelism on.
   */
  public static StreamingContextBuilder builder() {
    return StreamingContext.builder(BATCH_INTERVAL)
        .name(NAME)
        .checkpointInterval(CHECKPOINT_INTERVAL);
  }

  public static StreamingContext createContext(PipelineConfig config) {
    return createContext(builder(), config);
  }

  /**
   * A new context from {@code builder} running the pipeline with {@code config}; not started.
   */
  public static StreamingContext createContext(StreamingContextBuilder builder,
      PipelineConfig config) {
    config.asMap().forEach(builder::config);
    StreamingContext context = builder.build();
    WordCount pipeline = new WordCount();
    DStream<String> linesStream = pipeline.lines(config).attach(context).uid("lines");
    DStream<String> wordsStream = linesStream.<String>flatMap(pipeline::split).uid("words");
    DStream<String> nonEmptyStream = wordsStream.filter(pipeline::nonEmpty).uid("nonEmpty");
    PairDStream<String, Long> pairsStream = nonEmptyStream.<String, Long>mapToPair(pipeline::one).uid("pairs");
    PairDStream<String, Long> countsStream = pairsStream.reduceByKeyAndWindow("counts", Serializers.strings(), Serializers.longs(), pipeline::sum, pipeline::minus, Duration.ofMillis(2000), Duration.ofMillis(1000), pair -> pipeline.nonZero(pair.value()));
    PairDStream<String, WordStats> totalsStream = pairsStream.<WordStats>updateStateByKey("totals", Serializers.strings(), WordCountSerializers.WordStatsSerializer.INSTANCE, (values, previous) -> pipeline.update(values, previous.orElse(null)));
    countsStream.foreachBatch(pipeline::counts).uid("countsOut");
    totalsStream.foreachBatch(pipeline::totals).uid("totalsOut");
    return context;
  }

  /**
   * The context recovered from {@code checkpointDir} when it holds a compatible checkpoint, else a new one; not started.
   */
  public static StreamingContext getOrCreate(String checkpointDir, PipelineConfig config) {
    return StreamingContext.getOrCreate(checkpointDir, () -> createContext(config));
  }

  /**
   * The pipeline for the launcher, registered in {@code META-INF/services}.
   */
  public static final class Factory implements PipelineFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public StreamingContext createContext(PipelineConfig config) {
      return WordCountContext.createContext(config);
    }

    @Override
    public StreamingContext getOrCreate(String checkpointDir, PipelineConfig config) {
      return WordCountContext.getOrCreate(checkpointDir, config);
    }
  }
}
