package io.tidemark.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.schema.PipelineCompatibility;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PipelineReport;
import io.tidemark.schema.Verdict;
import org.junit.jupiter.api.Test;

/** The descriptors of two compiled versions of a pipeline, judged by the runtime's pipeline-level checker. */
class PipelineCompatibilityTest {

  private static final String V1 = version("", "@State(id = \"totals\", from = \"pairs\")",
      "record Stats(long total) {}");

  private static String version(String pipelineOptions, String stateAnnotation, String statsRecord) {
    return """
        @Pipeline(name = "p", batchInterval = "1s", checkpointInterval = "10s"%s)
        public class P {
          @Source(id = "lines")
          SourceSpec<String> lines(PipelineConfig conf) { return Sources.queue(List.of()); }
          @Transform(id = "pairs", from = "lines")
          KV<String, Long> one(String line) { return KV.of(line, 1L); }
          %s
          Stats update(List<Long> values, Stats previous) { return previous; }
          @Sink(id = "out", from = "pairs")
          void out(BatchTime time, List<KV<String, Long>> batch) {}
        }
        %s
        """.formatted(pipelineOptions, stateAnnotation, statsRecord);
  }

  private static PipelineReport upgrade(String v2) {
    return PipelineCompatibility.check(descriptor(V1), descriptor(v2));
  }

  private static PipelineDescriptor descriptor(String source) {
    return CompiledPipeline.compile(PipelineSource.of("P", source).file()).descriptor("p");
  }

  @Test
  void renamedStageWithAFieldAddedWithDefaultMigrates() {
    PipelineReport report = upgrade(version("", "@State(id = \"sums\", from = \"pairs\", formerly = \"totals\")",
        "record Stats(long total, @Default(\"0\") long max) {}"));
    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.AFTER_MIGRATION);
  }

  @Test
  void fieldAddedWithoutDefaultIsIncompatible() {
    PipelineReport report = upgrade(version("", "@State(id = \"totals\", from = \"pairs\")",
        "record Stats(long total, long max) {}"));
    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INCOMPATIBLE);
  }

  @Test
  void removedStatefulStageIsIncompatibleUnlessDeclaredDropped() {
    String removed = version("", "@Transform(id = \"other\", from = \"pairs\")", "record Stats(long total) {}")
        .replace("Stats update(List<Long> values, Stats previous)", "Stats update(KV<String, Long> pair)")
        .replace("return previous;", "return new Stats(1);");
    assertThat(upgrade(removed).verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(upgrade(removed.replace("checkpointInterval = \"10s\"",
        "checkpointInterval = \"10s\", droppedStages = \"totals\"")).isCompatible()).isTrue();
  }
}
