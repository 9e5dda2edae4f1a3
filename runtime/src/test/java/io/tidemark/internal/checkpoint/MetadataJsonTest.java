package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.internal.source.FileList;
import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.QueueSlice;
import io.tidemark.internal.source.TakenFiles;
import io.tidemark.schema.Fingerprint;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PrimitiveSchema;
import io.tidemark.schema.StageDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetadataJsonTest {

  static final CheckpointMetadata METADATA = new CheckpointMetadata(7000, "0.1.0",
      new PipelineDescriptor("wc", 1000, List.of(StageDescriptor.source("lines", "textFile", List.of())), List.of()),
      Map.of("out", "target/out"), 0, 2000, OptionalLong.of(6000), OptionalLong.of(6000),
      Map.of("lines", new TakenFiles(0, 5000, Map.of("/in/a.txt", 5500L))),
      List.of(new GeneratedBatch(7000, Map.of("lines", new FileList(List.of("/in/b.txt"))))),
      List.of(new GeneratedBatch(5000, Map.of("queue-1", new QueueSlice(4, 5, false)))),
      Map.of(Fingerprint.of(PrimitiveSchema.LONG), PrimitiveSchema.LONG));

  @Test
  void roundTripsAndNamesTypesNotClasses() {
    byte[] json = MetadataJson.write(METADATA);
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(text).contains("\"type\" : \"takenFiles\"", "\"type\" : \"files\"", "\"type\" : \"queue\"")
        .doesNotContain("io.tidemark");
    assertThat(MetadataJson.read(json)).isEqualTo(METADATA);
  }

  @Test
  void refusesAnUnregisteredTypeAndEmptyOrTruncatedFiles() {
    String text = new String(MetadataJson.write(METADATA), StandardCharsets.UTF_8)
        .replace("\"type\" : \"files\"", "\"type\" : \"java.io.File\"");
    assertThatThrownBy(() -> MetadataJson.read(text.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("$.pending[0].inputs.lines.type: expected one of the registered types (blocks, files, kafkaOffsetRanges,"
            + " kafkaOffsets, queue, queuePosition, takenFiles, walBlocks, walPosition) of InputDescriptor, found \"java.io.File\"");
    assertThatThrownBy(() -> MetadataJson.read(new byte[0])).hasMessage("$: the file is empty");
    assertThatThrownBy(() -> MetadataJson.read("{\"format\":1}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("$.config: expected an object");
  }
}
