package io.tidemark.internal.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.InputDescriptor;
import io.tidemark.internal.source.SourceData;
import io.tidemark.internal.source.SourceDataTypes;
import io.tidemark.internal.source.SourcePosition;
import io.tidemark.schema.Fingerprint;
import io.tidemark.schema.PipelineDescriptorJson;
import io.tidemark.schema.Schema;
import io.tidemark.schema.SchemaJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The JSON form of {@link CheckpointMetadata}: indented, human-readable, no Java class names. Source
 * data is written as its record's components plus {@code "type"}, and read back only as the record
 * {@link SourceDataTypes} registers under that type. For example:
 *
 * <pre>{@code
 * {
 *   "format" : 1,
 *   "toolkitVersion" : "0.1.0",
 *   "batchTime" : 7000,
 *   "zeroTime" : 0,
 *   "checkpointIntervalMs" : 2000,
 *   "lastCompletedBatch" : 6000,
 *   "stateTime" : 6000,
 *   "config" : { "out" : "target/out" },
 *   "pipeline" : { "format" : 1, "pipeline" : "wordcount", ... },
 *   "schemas" : { "9f2c4a6e1b3d5f70" : "string", ... },
 *   "positions" : { "textFile-0" : { "type" : "takenFiles", "startTimeMillis" : 0, "files" : { ... } } },
 *   "pending" : [ { "time" : 7000, "inputs" : { "textFile-0" : { "type" : "files", "paths" : [ ... ] } } } ],
 *   "recompute" : [ ]
 * }
 * }</pre>
 */
public final class MetadataJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetadataJson() {}

  public static byte[] write(CheckpointMetadata metadata) {
    ObjectNode root = MAPPER.createObjectNode()
        .put("format", CheckpointMetadata.FORMAT_VERSION)
        .put("toolkitVersion", metadata.toolkitVersion())
        .put("batchTime", metadata.batchTime())
        .put("zeroTime", metadata.zeroTime())
        .put("checkpointIntervalMs", metadata.checkpointIntervalMillis());
    putOptional(root, "lastCompletedBatch", metadata.lastCompletedBatch());
    putOptional(root, "stateTime", metadata.stateTime());
    metadata.config().forEach(root.putObject("config")::put);
    root.set("pipeline", PipelineDescriptorJson.toJson(metadata.pipeline()));
    ObjectNode schemas = root.putObject("schemas");
    metadata.schemas().forEach((fingerprint, schema) -> schemas.set(Fingerprint.hex(fingerprint), SchemaJson.toJson(schema)));
    ObjectNode positions = root.putObject("positions");
    metadata.positions().forEach((source, position) -> positions.set(source, sourceData(position)));
    root.set("pending", batches(metadata.pending()));
    root.set("recompute", batches(metadata.recompute()));
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot fail to serialize", e);
    }
  }

  private static void putOptional(ObjectNode node, String member, OptionalLong value) {
    if (value.isPresent()) {
      node.put(member, value.getAsLong());
    } else {
      node.putNull(member);
    }
  }

  private static ArrayNode batches(List<GeneratedBatch> batches) {
    ArrayNode array = MAPPER.createArrayNode();
    for (GeneratedBatch batch : batches) {
      ObjectNode inputs = array.addObject().put("time", batch.timeMillis()).putObject("inputs");
      batch.inputs().forEach((source, descriptor) -> inputs.set(source, sourceData(descriptor)));
    }
    return array;
  }

  private static ObjectNode sourceData(SourceData data) {
    ObjectNode node = MAPPER.createObjectNode().put("type", data.type());
    node.setAll((ObjectNode) MAPPER.valueToTree(data));
    return node;
  }

  /**
   * Reads a metadata file.
   *
   * @throws MalformedMetadataException naming the JSON path of the first problem
   */
  public static CheckpointMetadata read(byte[] bytes) {
    JsonNode root;
    try {
      root = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new MalformedMetadataException("$", "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedMetadataException("$", bytes.length == 0 ? "the file is empty" : "not a JSON object");
    }
    long format = number(root, "format");
    if (format != CheckpointMetadata.FORMAT_VERSION) {
      throw new MalformedMetadataException("$.format", "metadata format " + format + " is not supported; this"
          + " version of Tidemark reads format " + CheckpointMetadata.FORMAT_VERSION);
    }
    Map<String, String> config = new LinkedHashMap<>();
    object(root, "config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
    Map<Long, Schema> schemas = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "schemas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      schemas.put(Long.parseUnsignedLong(entry.getKey(), 16), SchemaJson.fromJson(entry.getValue()));
    }
    Map<String, SourcePosition> positions = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "positions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      positions.put(entry.getKey(), sourceData(entry.getValue(), SourcePosition.class, "$.positions." + entry.getKey()));
    }
    return new CheckpointMetadata(number(root, "batchTime"), text(root, "toolkitVersion"),
        PipelineDescriptorJson.fromJson(root.get("pipeline")), config, number(root, "zeroTime"),
        number(root, "checkpointIntervalMs"), optionalNumber(root, "lastCompletedBatch"),
        optionalNumber(root, "stateTime"), positions, batches(root, "pending"), batches(root, "recompute"), schemas);
  }

  private static List<GeneratedBatch> batches(JsonNode root, String member) {
    JsonNode array = root.get(member);
    if (array == null || !array.isArray()) {
      throw new MalformedMetadataException("$." + member, "expected an array of batches");
    }
    List<GeneratedBatch> batches = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "$." + member + "[" + i + "]";
      JsonNode batch = array.get(i);
      Map<String, InputDescriptor> inputs = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object(batch, "inputs").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        inputs.put(entry.getKey(), sourceData(entry.getValue(), InputDescriptor.class, path + ".inputs." + entry.getKey()));
      }
      batches.add(new GeneratedBatch(number(batch, "time"), inputs));
    }
    return batches;
  }

  private static <T extends SourceData> T sourceData(JsonNode node, Class<T> expected, String path) {
    String type = node.path("type").asText("");
    Class<? extends SourceData> registered = SourceDataTypes.byName(type);
    if (registered == null || !expected.isAssignableFrom(registered)) {
      throw new MalformedMetadataException(path + ".type", "expected one of the registered types ("
          + SourceDataTypes.names() + ") of " + expected.getSimpleName() + ", found \"" + type + "\"");
    }
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    fields.remove("type");
    try {
      return expected.cast(MAPPER.treeToValue(fields, registered));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MalformedMetadataException(path, "not a valid " + type + " (" + e.getMessage() + ")");
    }
  }

  private static JsonNode object(JsonNode node, String member) {
    JsonNode value = node == null ? null : node.get(member);
    if (value == null || !value.isObject()) {
      throw new MalformedMetadataException("$." + member, "expected an object");
    }
    return value;
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || !value.isTextual()) {
      throw new MalformedMetadataException("$." + member, "expected a string");
    }
    return value.textValue();
  }

  private static long number(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || !value.canConvertToExactIntegral()) {
      throw new MalformedMetadataException("$." + member, "expected an integer");
    }
    return value.longValue();
  }

  private static OptionalLong optionalNumber(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value == null || value.isNull() ? OptionalLong.empty() : OptionalLong.of(number(node, member));
  }

  /** Metadata that cannot be read; names the JSON path of the problem. */
  public static final class MalformedMetadataException extends IllegalArgumentException {

    MalformedMetadataException(String path, String problem) {
      super(path + ": " + problem);
    }
  }
}
