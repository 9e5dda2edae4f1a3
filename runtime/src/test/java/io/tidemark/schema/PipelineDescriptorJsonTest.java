package io.tidemark.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.schema.StageDescriptor.StateDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineDescriptorJsonTest {

  static final PipelineDescriptor WORD_COUNT = new PipelineDescriptor("wordcount", 1000, List.of(
      StageDescriptor.source("lines", "socket", List.of()),
      StageDescriptor.stateless("pairs", "mapToPair", List.of("lines")),
      new StageDescriptor("counts", "reduceByKeyAndWindow", List.of("pairs"),
          Optional.of(new WindowDescriptor(30_000, 10_000)),
          Optional.of(new StateDescriptor(PrimitiveSchema.STRING, PrimitiveSchema.LONG)), List.of("windowed")),
      StageDescriptor.stateless("out", StageDescriptor.OUTPUT, List.of("counts"))),
      List.of("sessions"));

  @Test
  void hasTheDocumentedForm() {
    assertThat(PipelineDescriptorJson.toJson(WORD_COUNT).toString()).isEqualTo(
        "{\"format\":1,\"pipeline\":\"wordcount\",\"batchIntervalMs\":1000,\"stages\":["
            + "{\"id\":\"lines\",\"kind\":\"source\",\"sourceKind\":\"socket\",\"from\":[]},"
            + "{\"id\":\"pairs\",\"kind\":\"mapToPair\",\"from\":[\"lines\"]},"
            + "{\"id\":\"counts\",\"kind\":\"reduceByKeyAndWindow\",\"from\":[\"pairs\"],"
            + "\"window\":{\"lengthMs\":30000,\"slideMs\":10000},"
            + "\"state\":{\"key\":\"string\",\"value\":\"long\",\"keyFingerprint\":\""
            + Fingerprint.hex(Fingerprint.of(PrimitiveSchema.STRING)) + "\",\"valueFingerprint\":\""
            + Fingerprint.hex(Fingerprint.of(PrimitiveSchema.LONG)) + "\"},\"formerly\":[\"windowed\"]},"
            + "{\"id\":\"out\",\"kind\":\"output\",\"from\":[\"counts\"]}],"
            + "\"dropped\":[\"sessions\"]}");
  }

  @Test
  void roundTripsThroughIndentedText() {
    String text = PipelineDescriptorJson.toJsonString(WORD_COUNT);
    assertThat(text).contains("\n");
    assertThat(PipelineDescriptorJson.fromJson(text)).isEqualTo(WORD_COUNT);
  }

  @Test
  void writesAnUnknownSourceKindAsNull() {
    PipelineDescriptor compiled = new PipelineDescriptor("p", 1000,
        List.of(StageDescriptor.source("lines", null, List.of())), List.of());
    String json = PipelineDescriptorJson.toJson(compiled).toString();
    assertThat(json).contains("{\"id\":\"lines\",\"kind\":\"source\",\"sourceKind\":null,\"from\":[]}");
    assertThat(PipelineDescriptorJson.fromJson(json)).isEqualTo(compiled);
  }

  @Test
  void refusesAFingerprintThatIsNotItsSchemas() {
    String edited = PipelineDescriptorJson.toJson(WORD_COUNT).toString()
        .replace("\"value\":\"long\"", "\"value\":\"int\"");
    assertThatThrownBy(() -> PipelineDescriptorJson.fromJson(edited))
        .isInstanceOf(MalformedSchemaException.class)
        .hasMessageStartingWith("$.stages[2].state.valueFingerprint: fingerprint "
            + Fingerprint.hex(Fingerprint.of(PrimitiveSchema.LONG)) + " is not the fingerprint "
            + Fingerprint.hex(Fingerprint.of(PrimitiveSchema.INT)) + " of the schema beside it");
  }

  @Test
  void refusesANewerFormatAndNamesMissingMembers() {
    assertThatThrownBy(() -> PipelineDescriptorJson.fromJson(
        "{\"format\":2,\"pipeline\":\"p\",\"batchIntervalMs\":1,\"stages\":[]}"))
        .hasMessage("$.format: descriptor format 2 is not supported: this version of Tidemark reads formats 1 to 1;"
            + " use a newer Tidemark");
    assertThatThrownBy(() -> PipelineDescriptorJson.fromJson(
        "{\"format\":1,\"pipeline\":\"p\",\"batchIntervalMs\":1,\"stages\":[{\"kind\":\"map\",\"from\":[]}]}"))
        .hasMessage("$.stages[0].id: expected a string, found nothing");
    assertThatThrownBy(() -> PipelineDescriptorJson.fromJson("{\"format\":1,\"pipeline\":\"p\",\"stages\":[]}"))
        .hasMessage("$.batchIntervalMs: expected an integer, found nothing");
    assertThatThrownBy(() -> PipelineDescriptorJson.fromJson("[1"))
        .isInstanceOf(MalformedSchemaException.class).hasMessageStartingWith("$: not valid JSON");
  }
}
