package io.tidemark.processor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tidemark.schema.EnumSchema;
import io.tidemark.schema.Field;
import io.tidemark.schema.PrimitiveSchema;
import io.tidemark.schema.RecordSchema;
import io.tidemark.schema.Schema;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A type that lands in a checkpoint, analysed far enough to generate its serializer and to know its
 * {@link Schema} at compile time (for the descriptor). Each schema here must equal the one the generated
 * serializer reports at run time; the descriptor test holds them to it.
 */
public sealed interface CheckpointType {

  Schema schema();

  /** A primitive, its box, {@code String} or {@code byte[]}. */
  record Scalar(PrimitiveSchema kind, TypeMirror type) implements CheckpointType {
    @Override
    public Schema schema() {
      return kind;
    }
  }

  /** @param defaultSymbol the constant annotated {@code @DefaultSymbol}, or null */
  record EnumType(TypeElement element, List<String> symbols, String defaultSymbol) implements CheckpointType {
    @Override
    public Schema schema() {
      return new EnumSchema(element.getSimpleName().toString(), symbols, defaultSymbol);
    }
  }

  record ListType(CheckpointType element) implements CheckpointType {
    @Override
    public Schema schema() {
      return Schema.list(element.schema());
    }
  }

  record SetType(CheckpointType element) implements CheckpointType {
    @Override
    public Schema schema() {
      return Schema.set(element.schema());
    }
  }

  record MapType(CheckpointType key, CheckpointType value) implements CheckpointType {
    @Override
    public Schema schema() {
      return Schema.map(key.schema(), value.schema());
    }
  }

  record OptionalType(CheckpointType value) implements CheckpointType {
    @Override
    public Schema schema() {
      return Schema.optional(value.schema());
    }
  }

  record KVType(CheckpointType key, CheckpointType value) implements CheckpointType {
    @Override
    public Schema schema() {
      return Schema.kv(key.schema(), value.schema());
    }
  }

  /** A record, or a class built with its no-arg constructor and filled through fields or setters. */
  record RecordType(TypeElement element, boolean isRecord, List<RecordField> fields) implements CheckpointType {
    @Override
    public Schema schema() {
      return new RecordSchema(element.getSimpleName().toString(), fields.stream().map(RecordField::schemaField).toList());
    }
  }

  /**
   * One field of a {@link RecordType}.
   *
   * @param getter the name of the accessor method, or null to read the field directly
   * @param setter the name of the setter of a class's field, or null to assign it directly (records use
   *     their canonical constructor)
   */
  record RecordField(String name, TypeMirror javaType, CheckpointType type, String getter, String setter,
      Optional<DefaultValue> defaultValue, List<String> aliases) {

    Field schemaField() {
      Field field = Field.of(name, type.schema());
      if (defaultValue.isPresent()) {
        field = field.withDefault(defaultValue.get().json());
      }
      return aliases.isEmpty() ? field : field.withAliases(aliases.toArray(String[]::new));
    }
  }

  /**
   * A parsed {@code @Default}: a {@link Boolean}, {@link Integer}, {@link Long}, {@link Float}, {@link
   * Double} or {@link String}, or an {@link EnumSymbol}; {@code optional} if the field is an {@code
   * Optional} of it.
   */
  record DefaultValue(Object value, boolean optional) {

    /** Its JSON in the schema, as the runtime's record builder writes it. */
    JsonNode json() {
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      if (value instanceof EnumSymbol symbol) {
        return nodes.textNode(symbol.name());
      }
      if (value instanceof Boolean b) {
        return nodes.booleanNode(b);
      }
      if (value instanceof Integer i) {
        return nodes.numberNode(i);
      }
      if (value instanceof Long l) {
        return nodes.numberNode(l);
      }
      if (value instanceof Float f) {
        return nodes.numberNode(f);
      }
      if (value instanceof Double d) {
        return nodes.numberNode(d);
      }
      return nodes.textNode((String) value);
    }
  }

  /** A default naming a constant of the field's enum. */
  record EnumSymbol(TypeElement type, String name) {}
}
