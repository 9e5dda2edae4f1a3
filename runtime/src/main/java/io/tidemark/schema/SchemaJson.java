package io.tidemark.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON form of a schema, used in pipeline descriptors and checkpoint metadata. It is the
 * {@linkplain CanonicalForm canonical form} plus what only readers need: {@code "name"} of records and
 * enums, {@code "default"} of enums (a symbol) and of fields (a JSON value), and {@code "aliases"} of
 * fields. For example:
 *
 * <pre>{@code
 * {"type":"record","name":"WordStats","fields":[
 *   {"name":"total","type":"long"},
 *   {"name":"maxPerBatch","type":"long","default":0},
 *   {"name":"lastBatch","type":"long","aliases":["lastSeen"]}]}
 * }</pre>
 */
public final class SchemaJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String TYPE_NAMES = Arrays.stream(PrimitiveSchema.values())
      .map(PrimitiveSchema::typeName)
      .collect(Collectors.joining(", ")) + ", enum, list, set, map, optional, kv, record";

  private SchemaJson() {}

  public static String toJsonString(Schema schema) {
    try {
      return MAPPER.writeValueAsString(toJson(schema));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot fail to serialize", e);
    }
  }

  public static JsonNode toJson(Schema schema) {
    if (schema instanceof PrimitiveSchema primitive) {
      return NODES.textNode(primitive.typeName());
    }
    ObjectNode node = NODES.objectNode();
    if (schema instanceof EnumSchema enumSchema) {
      node.put("type", "enum").put("name", enumSchema.name());
      enumSchema.symbols().forEach(node.putArray("symbols")::add);
      if (enumSchema.defaultSymbol() != null) {
        node.put("default", enumSchema.defaultSymbol());
      }
    } else if (schema instanceof ListSchema list) {
      node.put("type", "list").set("items", toJson(list.element()));
    } else if (schema instanceof SetSchema set) {
      node.put("type", "set").set("items", toJson(set.element()));
    } else if (schema instanceof OptionalSchema optional) {
      node.put("type", "optional").set("value", toJson(optional.value()));
    } else if (schema instanceof MapSchema map) {
      node.put("type", "map").set("keys", toJson(map.key()));
      node.set("values", toJson(map.value()));
    } else if (schema instanceof KVSchema kv) {
      node.put("type", "kv").set("key", toJson(kv.key()));
      node.set("value", toJson(kv.value()));
    } else {
      RecordSchema record = (RecordSchema) schema;
      node.put("type", "record").put("name", record.name());
      ArrayNode fields = node.putArray("fields");
      for (Field field : record.fields()) {
        ObjectNode fieldNode = fields.addObject().put("name", field.name());
        fieldNode.set("type", toJson(field.schema()));
        field.defaultValue().ifPresent(value -> fieldNode.set("default", value));
        if (!field.aliases().isEmpty()) {
          field.aliases().forEach(fieldNode.putArray("aliases")::add);
        }
      }
    }
    return node;
  }

  /** Reads a schema from JSON text; any problem is a {@link MalformedSchemaException} naming its path. */
  public static Schema fromJson(String json) {
    return fromJson(parse(json));
  }

  /** JSON text as a tree; text that is not JSON is a {@link MalformedSchemaException} at {@code $}. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedSchemaException("$", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  public static Schema fromJson(JsonNode node) {
    return read(node, "$");
  }

  static Schema read(JsonNode node, String path) {
    if (node == null || node.isMissingNode()) {
      throw new MalformedSchemaException(path, "missing; expected a schema");
    }
    if (node.isTextual()) {
      return primitive(node.textValue(), path);
    }
    if (!node.isObject()) {
      throw new MalformedSchemaException(path,
          "expected a schema (a type name string or an object with \"type\"), found " + found(node));
    }
    String type = text(node, "type", path);
    try {
      return switch (type) {
        case "enum" -> new EnumSchema(text(node, "name", path), strings(node, "symbols", path),
            node.has("default") ? text(node, "default", path) : null);
        case "list" -> new ListSchema(read(node.get("items"), path + ".items"));
        case "set" -> new SetSchema(read(node.get("items"), path + ".items"));
        case "optional" -> new OptionalSchema(read(node.get("value"), path + ".value"));
        case "map" -> new MapSchema(read(node.get("keys"), path + ".keys"), read(node.get("values"), path + ".values"));
        case "kv" -> new KVSchema(read(node.get("key"), path + ".key"), read(node.get("value"), path + ".value"));
        case "record" -> new RecordSchema(text(node, "name", path), fields(node, path));
        default -> primitive(type, path + ".type");
      };
    } catch (MalformedSchemaException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new MalformedSchemaException(path, e.getMessage());
    }
  }

  private static List<Field> fields(JsonNode record, String path) {
    JsonNode fields = array(record, "fields", path);
    List<Field> result = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String fieldPath = path + ".fields[" + i + "]";
      JsonNode field = fields.get(i);
      if (!field.isObject()) {
        throw new MalformedSchemaException(fieldPath, "expected a field object, found " + found(field));
      }
      List<String> aliases = field.has("aliases") ? strings(field, "aliases", fieldPath) : List.of();
      result.add(new Field(text(field, "name", fieldPath), read(field.get("type"), fieldPath + ".type"),
          Optional.ofNullable(field.get("default")), aliases));
    }
    return result;
  }

  private static PrimitiveSchema primitive(String typeName, String path) {
    for (PrimitiveSchema primitive : PrimitiveSchema.values()) {
      if (primitive.typeName().equals(typeName)) {
        return primitive;
      }
    }
    throw new MalformedSchemaException(path, "expected a type name (" + TYPE_NAMES + "), found \"" + typeName + "\"");
  }

  static String text(JsonNode object, String member, String path) {
    JsonNode value = object.get(member);
    if (value == null || !value.isTextual()) {
      throw new MalformedSchemaException(path + "." + member, "expected a string, found " + found(value));
    }
    return value.textValue();
  }

  static JsonNode array(JsonNode object, String member, String path) {
    JsonNode value = object.get(member);
    if (value == null || !value.isArray()) {
      throw new MalformedSchemaException(path + "." + member, "expected an array, found " + found(value));
    }
    return value;
  }

  static List<String> strings(JsonNode object, String member, String path) {
    JsonNode array = array(object, member, path);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isTextual()) {
        throw new MalformedSchemaException(path + "." + member + "[" + i + "]",
            "expected a string, found " + found(array.get(i)));
      }
      result.add(array.get(i).textValue());
    }
    return result;
  }

  static String found(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.toString();
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
        + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
  }
}
