package io.tidemark.schema;

import static io.tidemark.schema.SchemaJson.array;
import static io.tidemark.schema.SchemaJson.found;
import static io.tidemark.schema.SchemaJson.strings;
import static io.tidemark.schema.SchemaJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.schema.StageDescriptor.StateDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of a {@link PipelineDescriptor}: what the annotation processor generates, the Maven
 * plugin compares, and every checkpoint's metadata embeds. State schemas are in {@link SchemaJson}
 * form, with their fingerprints for people and tools (checked when read). For example:
 *
 * <pre>{@code
 * {"format":1,"pipeline":"wordcount","batchIntervalMs":1000,"stages":[
 *   {"id":"lines","kind":"source","sourceKind":"socket","from":[]},
 *   {"id":"pairs","kind":"mapToPair","from":["lines"]},
 *   {"id":"counts","kind":"reduceByKeyAndWindow","from":["pairs"],
 *    "window":{"lengthMs":30000,"slideMs":10000},
 *    "state":{"key":"string","value":"long","keyFingerprint":"…","valueFingerprint":"…"},
 *    "formerly":["windowed-counts"]},
 *   {"id":"out","kind":"output","from":["counts"]}],
 *  "dropped":["sessions"]}
 * }</pre>
 *
 * {@code window}, {@code state}, {@code formerly} and {@code dropped} are left out when absent or empty.
 * A source always has {@code sourceKind}: {@code null} when unknown (a descriptor the annotation
 * processor wrote: what a {@code SourceSpec} reads is known only once it runs).
 */
public final class PipelineDescriptorJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PipelineDescriptorJson() {}

  /** Indented JSON text, one member per line: descriptors are read and diffed by people. */
  public static String toJsonString(PipelineDescriptor descriptor) {
    try {
      return MAPPER.writeValueAsString(toJson(descriptor));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot fail to serialize", e);
    }
  }

  public static ObjectNode toJson(PipelineDescriptor descriptor) {
    ObjectNode node = NODES.objectNode()
        .put("format", PipelineDescriptor.FORMAT_VERSION)
        .put("pipeline", descriptor.name())
        .put("batchIntervalMs", descriptor.batchIntervalMillis());
    descriptor.stages().forEach(stage -> node.withArray("stages").add(toJson(stage)));
    if (!descriptor.droppedStages().isEmpty()) {
      descriptor.droppedStages().forEach(node.putArray("dropped")::add);
    }
    return node;
  }

  private static ObjectNode toJson(StageDescriptor stage) {
    ObjectNode node = NODES.objectNode().put("id", stage.id()).put("kind", stage.kind());
    if (stage.isSource()) {
      node.put("sourceKind", stage.sourceKind()); // null: unknown when the descriptor was written
    }
    stage.from().forEach(node.putArray("from")::add);
    stage.window().ifPresent(window -> node.putObject("window")
        .put("lengthMs", window.lengthMillis())
        .put("slideMs", window.slideMillis()));
    stage.state().ifPresent(state -> {
      ObjectNode stateNode = node.putObject("state");
      stateNode.set("key", SchemaJson.toJson(state.key()));
      stateNode.set("value", SchemaJson.toJson(state.value()));
      stateNode.put("keyFingerprint", Fingerprint.hex(Fingerprint.of(state.key())));
      stateNode.put("valueFingerprint", Fingerprint.hex(Fingerprint.of(state.value())));
    });
    if (!stage.formerIds().isEmpty()) {
      stage.formerIds().forEach(node.putArray("formerly")::add);
    }
    return node;
  }

  /** Reads a descriptor; any problem is a {@link MalformedSchemaException} naming its JSON path. */
  public static PipelineDescriptor fromJson(String json) {
    return fromJson(SchemaJson.parse(json));
  }

  public static PipelineDescriptor fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new MalformedSchemaException("$", "expected a pipeline descriptor object, found " + found(node));
    }
    long format = number(node, "format", "$");
    if (format < 1 || format > PipelineDescriptor.FORMAT_VERSION) {
      throw new MalformedSchemaException("$.format", "descriptor format " + format + " is not supported: this"
          + " version of Tidemark reads formats 1 to " + PipelineDescriptor.FORMAT_VERSION + "; use a newer Tidemark");
    }
    JsonNode stageNodes = array(node, "stages", "$");
    List<StageDescriptor> stages = new ArrayList<>();
    for (int i = 0; i < stageNodes.size(); i++) {
      stages.add(stage(stageNodes.get(i), "$.stages[" + i + "]"));
    }
    return new PipelineDescriptor(text(node, "pipeline", "$"), number(node, "batchIntervalMs", "$"), stages,
        optionalStrings(node, "dropped", "$"));
  }

  private static StageDescriptor stage(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new MalformedSchemaException(path, "expected a stage object, found " + found(node));
    }
    Optional<WindowDescriptor> window = Optional.empty();
    if (node.has("window")) {
      window = Optional.of(new WindowDescriptor(number(node.get("window"), "lengthMs", path + ".window"),
          number(node.get("window"), "slideMs", path + ".window")));
    }
    Optional<StateDescriptor> state = Optional.empty();
    if (node.has("state")) {
      JsonNode stateNode = node.get("state");
      String statePath = path + ".state";
      state = Optional.of(new StateDescriptor(
          checkedSchema(stateNode, "key", statePath), checkedSchema(stateNode, "value", statePath)));
    }
    JsonNode sourceKind = node.get("sourceKind");
    return new StageDescriptor(text(node, "id", path), text(node, "kind", path), strings(node, "from", path), window,
        state, optionalStrings(node, "formerly", path),
        sourceKind == null || sourceKind.isNull() ? null : text(node, "sourceKind", path));
  }

  /** A state schema; its fingerprint, when given, must be the schema's (a hand edit may have broken it). */
  private static Schema checkedSchema(JsonNode state, String member, String path) {
    Schema schema = SchemaJson.read(state.get(member), path + "." + member);
    String fingerprintMember = member + "Fingerprint";
    if (state.has(fingerprintMember)) {
      String expected = Fingerprint.hex(Fingerprint.of(schema));
      String given = text(state, fingerprintMember, path);
      if (!given.equals(expected)) {
        throw new MalformedSchemaException(path + "." + fingerprintMember, "fingerprint " + given
            + " is not the fingerprint " + expected + " of the schema beside it");
      }
    }
    return schema;
  }

  private static List<String> optionalStrings(JsonNode node, String member, String path) {
    return node.has(member) ? strings(node, member, path) : List.of();
  }

  private static long number(JsonNode object, String member, String path) {
    JsonNode value = object == null ? null : object.get(member);
    if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw new MalformedSchemaException(path + "." + member, "expected an integer, found " + found(value));
    }
    return value.longValue();
  }
}
