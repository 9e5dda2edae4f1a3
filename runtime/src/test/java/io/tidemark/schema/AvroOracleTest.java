package io.tidemark.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.JsonProperties;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;

/**
 * Our verdicts must agree with Avro's schema resolution wherever both define the case. Translation:
 * optional → union[null, T] (fields default null), list → array, KV → record {key, value}, map → map
 * (string keys only), records and enums keep their structure under one fixed name (Avro matches named
 * types by name; we match by structure, so record renames are not compared). Sets (Avro has no set),
 * optionals directly inside optionals (no nested unions) and non-string map keys are not translated.
 */
class AvroOracleTest {

  @Test
  void handPickedPairsAgree() {
    EnumSchema abc = Schema.enumOf("E", "A", "B", "C");
    RecordSchema total = Schema.record("R", Field.of("total", PrimitiveSchema.LONG));
    RecordSchema withCount = Schema.record("R", Field.of("total", PrimitiveSchema.LONG), Field.of("count", PrimitiveSchema.INT));
    RecordSchema withDefault = Schema.record("R", Field.of("total", PrimitiveSchema.LONG),
        Field.of("count", PrimitiveSchema.INT).withDefault(com.fasterxml.jackson.databind.node.IntNode.valueOf(0)));
    RecordSchema renamed = Schema.record("R", Field.of("sum", PrimitiveSchema.LONG).withAliases("total"));
    List<Schema[]> pairs = new ArrayList<>();
    for (PrimitiveSchema writer : PrimitiveSchema.values()) {
      for (PrimitiveSchema reader : PrimitiveSchema.values()) {
        pairs.add(new Schema[] {writer, reader});
      }
    }
    pairs.addAll(List.of(
        new Schema[] {abc, Schema.enumOf("E", "C", "B", "A", "D")},
        new Schema[] {abc, Schema.enumOf("E", "A", "B")},
        new Schema[] {abc, new EnumSchema("E", List.of("A", "B"), "A")},
        new Schema[] {total, withCount}, new Schema[] {total, withDefault}, new Schema[] {withCount, total},
        new Schema[] {total, renamed}, new Schema[] {renamed, total},
        new Schema[] {total, Schema.record("R", Field.of("total", Schema.optional(PrimitiveSchema.LONG)))},
        new Schema[] {PrimitiveSchema.INT, Schema.optional(PrimitiveSchema.LONG)},
        new Schema[] {Schema.optional(PrimitiveSchema.INT), PrimitiveSchema.INT},
        new Schema[] {Schema.optional(PrimitiveSchema.INT), Schema.optional(PrimitiveSchema.DOUBLE)},
        new Schema[] {Schema.list(PrimitiveSchema.INT), Schema.list(PrimitiveSchema.LONG)},
        new Schema[] {Schema.list(PrimitiveSchema.LONG), Schema.list(PrimitiveSchema.INT)},
        new Schema[] {Schema.map(PrimitiveSchema.STRING, total), Schema.map(PrimitiveSchema.STRING, withDefault)},
        new Schema[] {Schema.kv(PrimitiveSchema.STRING, total), Schema.kv(PrimitiveSchema.BYTES, withCount)},
        new Schema[] {Schema.list(PrimitiveSchema.INT), Schema.map(PrimitiveSchema.STRING, PrimitiveSchema.INT)}));
    for (Schema[] pair : pairs) {
      assertAgrees(pair[0], pair[1]);
    }
  }

  @Test
  void randomPairsAgree() {
    Random random = new Random(20240601);
    RandomSchemas schemas = new RandomSchemas(random, true);
    int compared = 0;
    int compatible = 0;
    for (int i = 0; i < 5_000; i++) {
      Schema writer = schemas.schema(3);
      Schema reader = schemas.mutate(writer);
      if (assertAgrees(writer, reader)) {
        compared++;
        if (Compatibility.check("v", writer, reader).isCompatible()) {
          compatible++;
          assertWriteOldReadNewWorks(writer, reader, schemas);
        }
      }
    }
    // both outcomes must be well represented, or the comparison proves little
    assertThat(compared).isGreaterThan(4_500);
    assertThat(compatible).isBetween(compared / 10, compared * 9 / 10);
  }

  /** Asserts agreement; false when Avro does not define the case. */
  private static boolean assertAgrees(Schema writer, Schema reader) {
    boolean avroCompatible;
    try {
      avroCompatible = SchemaCompatibility.checkReaderWriterCompatibility(toAvro(reader), toAvro(writer)).getType()
          == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    } catch (AvroRuntimeException e) {
      return false; // e.g. a reader field whose name and alias match two writer fields
    }
    CompatibilityReport ours = Compatibility.check("v", writer, reader);
    assertThat(ours.isCompatible())
        .as("writer %s%nreader %s%nours: %s", SchemaJson.toJsonString(writer), SchemaJson.toJsonString(reader), ours)
        .isEqualTo(avroCompatible);
    return true;
  }

  private static void assertWriteOldReadNewWorks(Schema writer, Schema reader, RandomSchemas schemas) {
    Encoder out = new Encoder();
    GenericSerializers.of(writer).write(out, schemas.value(writer));
    Decoder in = Decoder.of(out.toByteArray());
    GenericSerializers.of(reader).read(in, writer);
    assertThat(in.isAtEnd()).isTrue();
  }

  static org.apache.avro.Schema toAvro(Schema schema) {
    if (schema instanceof PrimitiveSchema primitive) {
      return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.valueOf(primitive.name()));
    }
    if (schema instanceof EnumSchema enumSchema) {
      return org.apache.avro.Schema.createEnum("E", null, null, enumSchema.symbols(), enumSchema.defaultSymbol());
    }
    if (schema instanceof ListSchema list) {
      return org.apache.avro.Schema.createArray(toAvro(list.element()));
    }
    if (schema instanceof MapSchema map) {
      if (map.key() != PrimitiveSchema.STRING) {
        throw new IllegalArgumentException("Avro maps have string keys");
      }
      return org.apache.avro.Schema.createMap(toAvro(map.value()));
    }
    if (schema instanceof OptionalSchema optional) {
      return org.apache.avro.Schema.createUnion(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL),
          toAvro(optional.value()));
    }
    if (schema instanceof KVSchema kv) {
      return org.apache.avro.Schema.createRecord("KV", null, null, false, List.of(
          new org.apache.avro.Schema.Field("key", toAvro(kv.key())),
          new org.apache.avro.Schema.Field("value", toAvro(kv.value()))));
    }
    if (schema instanceof RecordSchema record) {
      List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
      for (Field field : record.fields()) {
        org.apache.avro.Schema type = toAvro(field.schema());
        boolean hasDefault = field.defaultValue().isPresent() || field.schema() instanceof OptionalSchema;
        org.apache.avro.Schema.Field avroField = hasDefault
            ? new org.apache.avro.Schema.Field(field.name(), type, null, avroDefault(type))
            : new org.apache.avro.Schema.Field(field.name(), type);
        field.aliases().forEach(avroField::addAlias);
        fields.add(avroField);
      }
      return org.apache.avro.Schema.createRecord("R", null, null, false, fields);
    }
    throw new IllegalArgumentException("Avro has no " + schema.describe());
  }

  /** A valid Avro default of {@code type}: Avro's rules only ask whether there is one. */
  private static Object avroDefault(org.apache.avro.Schema type) {
    return switch (type.getType()) {
      case BOOLEAN -> false;
      case INT -> 0;
      case LONG -> 0L;
      case FLOAT -> 0f;
      case DOUBLE -> 0d;
      case STRING -> "";
      case BYTES -> new byte[0];
      case ENUM -> type.getEnumSymbols().get(0);
      case ARRAY -> List.of();
      case MAP -> Map.of();
      case UNION -> JsonProperties.NULL_VALUE;
      default -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        type.getFields().forEach(field -> fields.put(field.name(), avroDefault(field.schema())));
        yield fields;
      }
    };
  }
}
