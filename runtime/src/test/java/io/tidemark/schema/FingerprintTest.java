package io.tidemark.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  static final RecordSchema WORD_STATS = Schema.record("WordStats",
      Field.of("total", PrimitiveSchema.LONG),
      Field.of("maxPerBatch", PrimitiveSchema.LONG).withDefault(IntNode.valueOf(0)),
      Field.of("lastBatch", PrimitiveSchema.LONG).withAliases("lastSeen"));

  /** Pinned: a change here means every existing checkpoint's version tags change. Do not update lightly. */
  @Test
  void fingerprintsArePinned() {
    assertThat(CanonicalForm.of(WORD_STATS)).isEqualTo(
        "{\"type\":\"record\",\"fields\":[{\"name\":\"total\",\"type\":\"long\"},"
            + "{\"name\":\"maxPerBatch\",\"type\":\"long\"},{\"name\":\"lastBatch\",\"type\":\"long\"}]}");
    assertThat(Fingerprint.hex(Fingerprint.of(WORD_STATS))).isEqualTo("b50cc7bd2938f431");
    assertThat(Fingerprint.hex(Fingerprint.of(PrimitiveSchema.LONG))).isEqualTo("d054e14493f41db7");
    assertThat(Fingerprint.hex(Fingerprint.of(Schema.kv(PrimitiveSchema.STRING, WORD_STATS)))).isEqualTo("c93ac1b8cea26816");
    assertThat(Fingerprint.hex(Fingerprint.of(Schema.map(PrimitiveSchema.STRING,
        Schema.optional(Schema.list(Schema.enumOf("Color", "RED", "GREEN"))))))).isEqualTo("33f26bd01d7ac09e");
  }

  @Test
  void isAvrosCrc64OverOurCanonicalForm() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      Schema schema = new RandomSchemas(random, false).schema(3);
      byte[] canonical = CanonicalForm.of(schema).getBytes(StandardCharsets.UTF_8);
      assertThat(Fingerprint.of(schema)).isEqualTo(SchemaNormalization.fingerprint64(canonical));
    }
  }

  @Test
  void readerOnlyDetailsDoNotChangeIt() {
    long fingerprint = Fingerprint.of(WORD_STATS);
    RecordSchema renamedAndPlain = Schema.record("Stats",
        Field.of("total", PrimitiveSchema.LONG),
        Field.of("maxPerBatch", PrimitiveSchema.LONG).withDefault(IntNode.valueOf(5)),
        Field.of("lastBatch", PrimitiveSchema.LONG));
    assertThat(Fingerprint.of(renamedAndPlain)).isEqualTo(fingerprint);
    EnumSchema color = Schema.enumOf("Color", "RED", "GREEN");
    assertThat(Fingerprint.of(new EnumSchema("Colour", color.symbols(), "RED"))).isEqualTo(Fingerprint.of(color));
  }

  @Test
  void everyMeaningfulChangeChangesIt() {
    EnumSchema color = Schema.enumOf("Color", "RED", "GREEN");
    List<Schema> distinct = List.of(
        PrimitiveSchema.BOOLEAN, PrimitiveSchema.INT, PrimitiveSchema.LONG, PrimitiveSchema.FLOAT,
        PrimitiveSchema.DOUBLE, PrimitiveSchema.STRING, PrimitiveSchema.BYTES,
        color, Schema.enumOf("Color", "GREEN", "RED"), Schema.enumOf("Color", "RED", "GREEN", "BLUE"),
        Schema.enumOf("Color", "RED"),
        Schema.list(PrimitiveSchema.LONG), Schema.set(PrimitiveSchema.LONG), Schema.list(PrimitiveSchema.INT),
        Schema.map(PrimitiveSchema.STRING, PrimitiveSchema.LONG), Schema.map(PrimitiveSchema.LONG, PrimitiveSchema.STRING),
        Schema.kv(PrimitiveSchema.STRING, PrimitiveSchema.LONG), Schema.kv(PrimitiveSchema.LONG, PrimitiveSchema.STRING),
        Schema.optional(PrimitiveSchema.LONG), Schema.optional(Schema.optional(PrimitiveSchema.LONG)),
        WORD_STATS,
        Schema.record("WordStats", Field.of("total", PrimitiveSchema.LONG), Field.of("lastBatch", PrimitiveSchema.LONG),
            Field.of("maxPerBatch", PrimitiveSchema.LONG)),
        Schema.record("WordStats", Field.of("total", PrimitiveSchema.LONG), Field.of("maxPerBatch", PrimitiveSchema.LONG)),
        Schema.record("WordStats", Field.of("total", PrimitiveSchema.LONG), Field.of("maxPerBatch", PrimitiveSchema.LONG),
            Field.of("lastSeen", PrimitiveSchema.LONG)),
        Schema.record("WordStats", Field.of("total", PrimitiveSchema.INT), Field.of("maxPerBatch", PrimitiveSchema.LONG),
            Field.of("lastBatch", PrimitiveSchema.LONG)),
        Schema.record("R", Field.of("a", Schema.kv(PrimitiveSchema.STRING, PrimitiveSchema.LONG))),
        Schema.record("R", Field.of("a", PrimitiveSchema.STRING), Field.of("b", PrimitiveSchema.LONG)));
    assertThat(distinct.stream().map(Fingerprint::of).distinct()).hasSameSizeAs(distinct);
  }

  @Test
  void escapesNamesThatNeedIt() {
    assertThat(CanonicalForm.of(Schema.record("R", Field.of("a\"b\\c\n", PrimitiveSchema.INT))))
        .isEqualTo("{\"type\":\"record\",\"fields\":[{\"name\":\"a\\\"b\\\\c\\u000a\",\"type\":\"int\"}]}");
  }
}
