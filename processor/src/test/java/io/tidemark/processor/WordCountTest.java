package io.tidemark.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.StageDescriptor;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * The DESIGN's word count compiled with the processor: the generated code against golden files, and
 * the generated context run batch by batch.
 */
class WordCountTest {

  private static final CompiledPipeline WORD_COUNT = CompiledPipeline.compile(
      JavaFileObjects.forResource("wordcount/WordCount.java"), JavaFileObjects.forResource("wordcount/WordStats.java"));

  @Test
  void generatesTheContextAsInTheGoldenFile() {
    assertThat(WORD_COUNT.compilation()).generatedSourceFile("test.WordCountContext")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/WordCountContext.java"));
  }

  @Test
  void generatesTheSerializerAsInTheGoldenFile() {
    assertThat(WORD_COUNT.compilation()).generatedSourceFile("test.WordCountSerializers")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/WordCountSerializers.java"));
  }

  @Test
  void registersTheFactoryForTheLauncher() {
    assertThat(WORD_COUNT.resource("META-INF/services/io.tidemark.stream.PipelineFactory"))
        .isEqualTo("test.WordCountContext$Factory\n");
  }

  @Test
  void runsWindowedCountsAndRunningTotals() throws Exception {
    @SuppressWarnings("unchecked")
    Queue<List<String>> input = (Queue<List<String>>) CompiledPipeline.staticField(WORD_COUNT.load("test.WordCount"),
        "INPUT");
    @SuppressWarnings("unchecked")
    List<String> output = (List<String>) CompiledPipeline.staticField(WORD_COUNT.load("test.WordCount"), "OUTPUT");
    input.add(List.of("a b", "a"));
    input.add(List.of("b"));
    ManualClock clock = new ManualClock();
    StreamingContext context = WORD_COUNT.createContext("test.WordCountContext",
        WORD_COUNT.builder("test.WordCountContext").clock(clock).parallelism(2), PipelineConfig.empty());
    try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
      harness.runBatches(3);
    }
    assertThat(output).containsExactly(
        "counts@1000 [(a,2), (b,1)]",
        "totals@1000 [(a,WordStats[total=2, maxPerBatch=2, lastBatch=1]), (b,WordStats[total=1, maxPerBatch=1, lastBatch=1])]",
        "counts@2000 [(a,2), (b,2)]",
        "totals@2000 [(a,WordStats[total=2, maxPerBatch=2, lastBatch=2]), (b,WordStats[total=2, maxPerBatch=1, lastBatch=2])]",
        "counts@3000 [(b,1)]",
        "totals@3000 [(a,WordStats[total=2, maxPerBatch=2, lastBatch=3]), (b,WordStats[total=2, maxPerBatch=1, lastBatch=3])]");
  }

  /**
   * Every stage carries its annotation's id, so the descriptor written at compile time is the one the
   * runtime derives from the generated context, except what only the runtime knows: what the source
   * reads ({@code sourceKind}, written as unknown).
   */
  @Test
  void writesTheDescriptorTheRuntimeDerivesFromTheGeneratedContext() {
    StreamingContext context = WORD_COUNT.createContext("test.WordCountContext",
        WORD_COUNT.builder("test.WordCountContext").parallelism(1), PipelineConfig.empty());
    PipelineDescriptor derived = context.descriptor();

    assertThat(derived.stage("lines")).map(StageDescriptor::sourceKind).contains("queue");
    assertThat(WORD_COUNT.descriptor("wordcount")).isEqualTo(withUnknownSourceKinds(derived));
  }

  private static PipelineDescriptor withUnknownSourceKinds(PipelineDescriptor descriptor) {
    return new PipelineDescriptor(descriptor.name(), descriptor.batchIntervalMillis(), descriptor.stages().stream()
        .map(stage -> stage.isSource() ? StageDescriptor.source(stage.id(), null, stage.formerIds()) : stage)
        .toList(), descriptor.droppedStages());
  }
}
