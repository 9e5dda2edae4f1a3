package io.tidemark.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.function.KV;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serializers for any schema, composed from the public building blocks, so tests can drive the codec
 * with schemas generated at run time. Values are generic: records are {@code List<Object>} in field
 * order, enums their symbol strings, KVs {@link KV}, optionals {@link Optional}, bytes {@code byte[]}.
 */
final class GenericSerializers {

  private GenericSerializers() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Serializer<Object> of(Schema schema) {
    Serializer<?> serializer;
    if (schema instanceof PrimitiveSchema primitive) {
      serializer = switch (primitive) {
        case BOOLEAN -> Serializers.booleans();
        case INT -> Serializers.ints();
        case LONG -> Serializers.longs();
        case FLOAT -> Serializers.floats();
        case DOUBLE -> Serializers.doubles();
        case STRING -> Serializers.strings();
        case BYTES -> Serializers.bytes();
      };
    } else if (schema instanceof EnumSchema enumSchema) {
      serializer = Serializers.symbols(enumSchema);
    } else if (schema instanceof ListSchema list) {
      serializer = Serializers.list(of(list.element()));
    } else if (schema instanceof SetSchema set) {
      serializer = Serializers.set(of(set.element()));
    } else if (schema instanceof MapSchema map) {
      serializer = Serializers.map(of(map.key()), of(map.value()));
    } else if (schema instanceof OptionalSchema optional) {
      serializer = Serializers.optional(of(optional.value()));
    } else if (schema instanceof KVSchema kv) {
      serializer = KV.serializer(of(kv.key()), of(kv.value()));
    } else {
      RecordSchema record = (RecordSchema) schema;
      RecordSerializer.Builder<Object> builder = RecordSerializer.builder(record.name());
      for (int i = 0; i < record.fields().size(); i++) {
        Field field = record.fields().get(i);
        int index = i;
        var step = builder.field(field.name(), of(field.schema()), value -> ((List<Object>) value).get(index));
        field.defaultValue().ifPresent(json -> step.withDefault(fromJson(json, field.schema())));
        step.aliases(field.aliases().toArray(String[]::new));
      }
      serializer = builder.build(values -> {
        List<Object> fields = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
          fields.add(values.get(i));
        }
        return fields;
      });
    }
    return (Serializer) serializer;
  }

  /** The generic value of a default in the JSON form that {@link DefaultValueJson} writes. */
  static Object fromJson(JsonNode json, Schema schema) {
    if (schema instanceof PrimitiveSchema primitive) {
      return switch (primitive) {
        case BOOLEAN -> json.booleanValue();
        case INT -> json.intValue();
        case LONG -> json.longValue();
        case FLOAT -> json.floatValue();
        case DOUBLE -> json.doubleValue();
        case STRING -> json.textValue();
        case BYTES -> binary(json);
      };
    }
    if (schema instanceof EnumSchema) {
      return json.textValue();
    }
    if (schema instanceof ListSchema list) {
      List<Object> values = new ArrayList<>();
      json.forEach(element -> values.add(fromJson(element, list.element())));
      return values;
    }
    if (schema instanceof SetSchema set) {
      HashSet<Object> values = new HashSet<>();
      json.forEach(element -> values.add(fromJson(element, set.element())));
      return values;
    }
    if (schema instanceof MapSchema map) {
      Map<Object, Object> values = new HashMap<>();
      json.forEach(entry -> values.put(fromJson(entry.get("key"), map.key()), fromJson(entry.get("value"), map.value())));
      return values;
    }
    if (schema instanceof OptionalSchema optional) {
      return json.isNull() ? Optional.empty() : Optional.of(fromJson(json, optional.value()));
    }
    if (schema instanceof KVSchema kv) {
      return KV.of(fromJson(json.get("key"), kv.key()), fromJson(json.get("value"), kv.value()));
    }
    List<Field> fields = ((RecordSchema) schema).fields();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      values.add(fromJson(json.get(i), fields.get(i).schema()));
    }
    return values;
  }

  private static byte[] binary(JsonNode json) {
    try {
      return json.binaryValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
