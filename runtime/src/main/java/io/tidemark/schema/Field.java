package io.tidemark.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record field. Only the name, the position and the schema shape the bytes; the default and the
 * aliases only matter when old data is read with this field's record as the reader.
 *
 * @param defaultValue the value old data without this field reads as, in JSON (as in the descriptor)
 * @param aliases former names of the field, matched against the writer's field names
 */
public record Field(String name, Schema schema, Optional<JsonNode> defaultValue, List<String> aliases) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema of field " + name);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a field name cannot be empty");
    }
    defaultValue = defaultValue.map(Field::asReadFromText);
    aliases = List.copyOf(aliases);
  }

  /**
   * The default as it reads back from JSON text: a copy (JSON trees are mutable) with the node types
   * the parser picks, so the same default compares equal however it was built (a float node and a
   * double node of one number, binary and its base64 text).
   */
  private static JsonNode asReadFromText(JsonNode value) {
    try {
      return JSON.readTree(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("default value " + value + " is not writable as JSON", e);
    }
  }

  public static Field of(String name, Schema schema) {
    return new Field(name, schema, Optional.empty(), List.of());
  }

  public Field withDefault(JsonNode value) {
    return new Field(name, schema, Optional.of(value), aliases);
  }

  public Field withAliases(String... formerNames) {
    return new Field(name, schema, defaultValue, List.of(formerNames));
  }
}
