package io.tidemark.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.stream.KV;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of a field's default value, for the schema's JSON form (descriptors show what old data
 * will read as). Readers use the Java default itself; this is only its description.
 */
final class DefaultValueJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DefaultValueJson() {}

  static JsonNode of(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(DefaultValueJson::of).orElseGet(NODES::nullNode);
    }
    if (value instanceof Enum<?> symbol) {
      return NODES.textNode(symbol.name());
    }
    if (value instanceof byte[] bytes) {
      return NODES.binaryNode(bytes);
    }
    if (value instanceof KV<?, ?> kv) {
      ObjectNode node = NODES.objectNode();
      node.set("key", of(kv.key()));
      node.set("value", of(kv.value()));
      return node;
    }
    if (value instanceof Collection<?> collection) {
      ArrayNode array = NODES.arrayNode();
      collection.forEach(element -> array.add(of(element)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ArrayNode entries = NODES.arrayNode();
      map.forEach((k, v) -> entries.add(of(new KV<>(k, v))));
      return entries;
    }
    return MAPPER.valueToTree(value);
  }
}
