package io.tidemark.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.schema.StageDescriptor.StateDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per stage rule of {@link PipelineCompatibility}, old checkpoint read by new code. */
class PipelineCompatibilityTest {

  private static final StageDescriptor SOURCE = StageDescriptor.source("lines", "socket", List.of());

  private static StageDescriptor state(String id, String kind, Schema key, Schema value, List<String> formerIds) {
    return new StageDescriptor(id, kind, List.of("lines"), Optional.empty(),
        Optional.of(new StateDescriptor(key, value)), formerIds);
  }

  private static StageDescriptor totals(Schema value) {
    return state("totals", "updateStateByKey", PrimitiveSchema.STRING, value, List.of());
  }

  private static StageDescriptor window(long length) {
    return new StageDescriptor("counts", "reduceByKeyAndWindow", List.of("lines"),
        Optional.of(new WindowDescriptor(length, 1000)),
        Optional.of(new StateDescriptor(PrimitiveSchema.STRING, PrimitiveSchema.LONG)), List.of());
  }

  private static PipelineDescriptor pipeline(long batchInterval, List<String> dropped, StageDescriptor... stages) {
    List<StageDescriptor> all = new java.util.ArrayList<>(List.of(SOURCE));
    all.addAll(List.of(stages));
    return new PipelineDescriptor("p", batchInterval, all, dropped);
  }

  private static PipelineDescriptor pipeline(StageDescriptor... stages) {
    return pipeline(1000, List.of(), stages);
  }

  private static List<String> findings(PipelineReport report) {
    return report.overall().findings().stream().map(Finding::toString).toList();
  }

  @Test
  void identicalPipelinesAreReadAsIs() {
    PipelineReport report = PipelineCompatibility.check(pipeline(totals(PrimitiveSchema.LONG)),
        pipeline(totals(PrimitiveSchema.LONG)));
    assertThat(report.verdict()).isEqualTo(Verdict.AS_IS);
    assertThat(report.stages()).isEqualTo(Map.of("totals", Verdict.AS_IS));
    assertThat(findings(report)).isEmpty();
  }

  @Test
  void stateSchemasAreCheckedByTheSchemaRulesUnderTheStageId() {
    PipelineReport widened = PipelineCompatibility.check(pipeline(totals(PrimitiveSchema.INT)),
        pipeline(totals(PrimitiveSchema.LONG)));
    assertThat(widened.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
    assertThat(findings(widened)).containsExactly("MIGRATION totals.value: int widened to long; old values are"
        + " converted while read");

    PipelineReport narrowed = PipelineCompatibility.check(pipeline(totals(PrimitiveSchema.LONG)),
        pipeline(totals(PrimitiveSchema.INT)));
    assertThat(narrowed.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(narrowed.stages()).containsEntry("totals", Verdict.INCOMPATIBLE);
  }

  @Test
  void aKeyChangeThatCanMergeKeysIsIncompatible() {
    Schema oldKey = Schema.record("Key", Field.of("word", PrimitiveSchema.STRING), Field.of("lang", PrimitiveSchema.STRING));
    Schema newKey = Schema.record("Key", Field.of("word", PrimitiveSchema.STRING));
    PipelineReport report = PipelineCompatibility.check(
        pipeline(state("totals", "updateStateByKey", oldKey, PrimitiveSchema.LONG, List.of())),
        pipeline(state("totals", "updateStateByKey", newKey, PrimitiveSchema.LONG, List.of())));
    assertThat(report.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(findings(report)).singleElement().asString().startsWith("ERROR totals.key.lang: key field lang was removed");
  }

  @Test
  void anAddedStageStateStartsEmpty() {
    PipelineReport report = PipelineCompatibility.check(pipeline(), pipeline(totals(PrimitiveSchema.LONG)));
    assertThat(report.verdict()).isEqualTo(Verdict.AS_IS);
    assertThat(findings(report)).containsExactly("INFO totals: stateful stage totals is new; its state starts empty");
  }

  @Test
  void aRemovedStageStateIsIncompatibleUnlessDeclaredDropped() {
    PipelineReport removed = PipelineCompatibility.check(pipeline(totals(PrimitiveSchema.LONG)), pipeline());
    assertThat(removed.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(findings(removed)).containsExactly("ERROR totals: stateful stage totals was removed; its checkpointed"
        + " state would be lost (fix: restore the stage, declare it dropped (droppedStage(\"totals\")), or declare"
        + " the id that replaces it (renamedStage(\"totals\", newId)))");

    PipelineReport dropped = PipelineCompatibility.check(pipeline(totals(PrimitiveSchema.LONG)),
        pipeline(1000, List.of("totals")));
    assertThat(dropped.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
    assertThat(findings(dropped)).containsExactly("MIGRATION totals: stateful stage totals was removed and declared"
        + " dropped; its state is discarded");
  }

  @Test
  void aRenamedStageTakesOverItsFormerIdsState() {
    PipelineReport report = PipelineCompatibility.check(pipeline(totals(PrimitiveSchema.LONG)),
        pipeline(state("wordTotals", "updateStateByKey", PrimitiveSchema.STRING, PrimitiveSchema.LONG,
            List.of("totals"))));
    assertThat(report.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
    assertThat(findings(report)).containsExactly(
        "MIGRATION wordTotals: stateful stage wordTotals takes over the state checkpointed as totals");
  }

  @Test
  void aStageThatChangesKindIsIncompatible() {
    PipelineReport report = PipelineCompatibility.check(pipeline(totals(PrimitiveSchema.LONG)),
        pipeline(state("totals", "mapWithState", PrimitiveSchema.STRING, PrimitiveSchema.LONG, List.of())));
    assertThat(findings(report)).containsExactly("ERROR totals: stage totals was a updateStateByKey and is now a"
        + " mapWithState; its checkpointed state has another shape (fix: keep the updateStateByKey, or give the new"
        + " stage a new id and declare totals dropped)");
  }

  @Test
  void aShorterWindowIsFineALongerOneUnderFilled() {
    assertThat(findings(PipelineCompatibility.check(pipeline(window(4000)), pipeline(window(2000)))))
        .containsExactly("MIGRATION counts: the window shrank from 4000 to 2000 ms; older batches leave it at once");
    PipelineReport longer = PipelineCompatibility.check(pipeline(window(4000)), pipeline(window(8000)));
    assertThat(longer.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
    assertThat(findings(longer)).containsExactly("MIGRATION counts: the window grew from 4000 to 8000 ms; it is"
        + " under-filled until it has seen a whole window after the restart");
  }

  @Test
  void aBatchIntervalChangeIsIncompatibleUnderWindowStateOnly() {
    PipelineReport windowed = PipelineCompatibility.check(pipeline(window(4000)),
        pipeline(2000, List.of(), window(4000)));
    assertThat(findings(windowed)).containsExactly("ERROR counts: the batch interval changed from 1000 to 2000 ms,"
        + " but window stage counts keeps its state by batch time (fix: keep the batch interval of 1000 ms, or give"
        + " the window stage a new id and declare the old one dropped)");
    PipelineReport plain = PipelineCompatibility.check(pipeline(totals(PrimitiveSchema.LONG)),
        pipeline(2000, List.of(), totals(PrimitiveSchema.LONG)));
    assertThat(plain.verdict()).isEqualTo(Verdict.AFTER_MIGRATION);
    assertThat(findings(plain)).containsExactly("MIGRATION p: the batch interval changed from 1000 to 2000 ms;"
        + " recovered batches keep their times, new ones follow the new interval");
  }

  @Test
  void aSourceKeepsItsKindUnderItsId() {
    PipelineDescriptor directory = new PipelineDescriptor("p", 1000,
        List.of(StageDescriptor.source("lines", "textFile", List.of())), List.of());
    assertThat(findings(PipelineCompatibility.check(pipeline(), directory))).containsExactly("ERROR lines: source"
        + " lines was a socket source and is now a textFile source; its checkpointed position and pending input"
        + " cannot be read (fix: keep the socket source under this id, or give the new source another id)");
    PipelineDescriptor none = new PipelineDescriptor("p", 1000, List.of(), List.of());
    assertThat(findings(PipelineCompatibility.check(pipeline(), none))).containsExactly(
        "MIGRATION lines: source lines was removed; its position and its pending batches' input are dropped");
  }

  /** A descriptor written at compile time does not know what a SourceSpec reads: no finding either way. */
  @Test
  void aSourceOfUnknownKindIsNotJudgedByItsKind() {
    PipelineDescriptor unknown = new PipelineDescriptor("p", 1000,
        List.of(StageDescriptor.source("lines", null, List.of())), List.of());
    assertThat(findings(PipelineCompatibility.check(pipeline(), unknown))).isEmpty();
    assertThat(findings(PipelineCompatibility.check(unknown, pipeline()))).isEmpty();
  }
}
