package io.tidemark.schema;

/**
 * The canonical form of a schema: the compact JSON text that holds exactly what decides the bytes and
 * the identity of fields, and nothing else. Its {@linkplain Fingerprint fingerprint} is the version tag.
 *
 * <p>Contents, written without whitespace, object members always in the order shown:
 *
 * <ul>
 *   <li>a primitive: its name as a JSON string: {@code "boolean" "int" "long" "float" "double" "string" "bytes"}
 *   <li>{@code {"type":"enum","symbols":["A","B"]}}: symbols in order (the index is what is written)
 *   <li>{@code {"type":"list","items":S}}, {@code {"type":"set","items":S}}
 *   <li>{@code {"type":"map","keys":K,"values":V}}
 *   <li>{@code {"type":"optional","value":S}}
 *   <li>{@code {"type":"kv","key":K,"value":V}}
 *   <li>{@code {"type":"record","fields":[{"name":"total","type":S},...]}}: field names and order
 * </ul>
 *
 * <p>Left out, because they change nothing in the bytes and matter only to a reader: record and enum
 * names (renames are structural no-ops), field defaults and aliases, the enum default symbol. Strings
 * are escaped as JSON requires ({@code \"}, {@code \\}, and {@code \}{@code uXXXX} for control
 * characters, lower-case hex); everything else is written as is and the text is encoded in UTF-8.
 */
public final class CanonicalForm {

  private CanonicalForm() {}

  public static String of(Schema schema) {
    StringBuilder text = new StringBuilder();
    append(schema, text);
    return text.toString();
  }

  private static void append(Schema schema, StringBuilder text) {
    if (schema instanceof PrimitiveSchema primitive) {
      quote(primitive.typeName(), text);
    } else if (schema instanceof EnumSchema enumSchema) {
      text.append("{\"type\":\"enum\",\"symbols\":[");
      for (int i = 0; i < enumSchema.symbols().size(); i++) {
        text.append(i == 0 ? "" : ",");
        quote(enumSchema.symbols().get(i), text);
      }
      text.append("]}");
    } else if (schema instanceof ListSchema list) {
      container("list", "items", list.element(), text);
    } else if (schema instanceof SetSchema set) {
      container("set", "items", set.element(), text);
    } else if (schema instanceof OptionalSchema optional) {
      container("optional", "value", optional.value(), text);
    } else if (schema instanceof MapSchema map) {
      pair("map", "keys", map.key(), "values", map.value(), text);
    } else if (schema instanceof KVSchema kv) {
      pair("kv", "key", kv.key(), "value", kv.value(), text);
    } else {
      RecordSchema record = (RecordSchema) schema;
      text.append("{\"type\":\"record\",\"fields\":[");
      for (int i = 0; i < record.fields().size(); i++) {
        Field field = record.fields().get(i);
        text.append(i == 0 ? "{\"name\":" : ",{\"name\":");
        quote(field.name(), text);
        text.append(",\"type\":");
        append(field.schema(), text);
        text.append('}');
      }
      text.append("]}");
    }
  }

  private static void container(String type, String member, Schema content, StringBuilder text) {
    text.append("{\"type\":\"").append(type).append("\",\"").append(member).append("\":");
    append(content, text);
    text.append('}');
  }

  private static void pair(String type, String first, Schema a, String second, Schema b, StringBuilder text) {
    text.append("{\"type\":\"").append(type).append("\",\"").append(first).append("\":");
    append(a, text);
    text.append(",\"").append(second).append("\":");
    append(b, text);
    text.append('}');
  }

  private static void quote(String value, StringBuilder text) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (c < 0x20) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    text.append('"');
  }
}
