package io.tidemark.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
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
    if (value instanceof Record record) {
      // a pair (KV) or a record: its components by name, each described as a default of its own
      ObjectNode node = NODES.objectNode();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        node.set(component.getName(), of(componentValue(record, component)));
      }
      return node;
    }
    if (value instanceof Collection<?> collection) {
      ArrayNode array = NODES.arrayNode();
      collection.forEach(element -> array.add(of(element)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ArrayNode entries = NODES.arrayNode();
      map.forEach((k, v) -> {
        ObjectNode entry = NODES.objectNode();
        entry.set("key", of(k));
        entry.set("value", of(v));
        entries.add(entry);
      });
      return entries;
    }
    return MAPPER.valueToTree(value);
  }

  private static Object componentValue(Record record, RecordComponent component) {
    try {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot read component " + component.getName() + " of default value "
          + record.getClass().getName(), e);
    }
  }
}
