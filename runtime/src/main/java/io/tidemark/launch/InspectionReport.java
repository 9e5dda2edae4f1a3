package io.tidemark.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.internal.checkpoint.CheckpointInspection.MetadataFile;
import io.tidemark.internal.checkpoint.CheckpointInspection.StateCheckpoint;
import io.tidemark.internal.checkpoint.CheckpointInspection.StatePart;
import io.tidemark.internal.checkpoint.CheckpointInspection;
import io.tidemark.internal.checkpoint.CheckpointMetadata;
import io.tidemark.internal.checkpoint.StateFileHeader;
import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.schema.Fingerprint;
import io.tidemark.schema.StageDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A {@link CheckpointInspection} for people (aligned text) or for tools (JSON): what the launcher's
 * {@code inspect} prints and what {@code tidemark:inspect} logs.
 */
public final class InspectionReport {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private InspectionReport() {}

  /** The inspection as lines of text. */
  public static List<String> text(CheckpointInspection inspection) {
    List<String> out = new ArrayList<>();
    out.add("Checkpoint " + inspection.location());
    inspection.newest().ifPresentOrElse(metadata -> describe(metadata, out),
        () -> out.add("  no readable metadata"));
    out.add("  state stages");
    if (inspection.state().isEmpty()) {
      out.add("    none");
    }
    for (StateCheckpoint stage : inspection.state()) {
      String fingerprints = stage.parts().stream().flatMap(part -> part.header().stream()).findFirst()
          .map(header -> ", key schema " + Fingerprint.hex(header.keyFingerprint()) + ", value schema "
              + Fingerprint.hex(header.valueFingerprint()))
          .orElse("");
      out.add("    " + stage.stageId() + " @ batch " + stage.stateTime() + ": " + stage.keys() + " keys, "
          + stage.bytes() + " bytes in " + stage.parts().size() + " files" + fingerprints);
    }
    out.add("  metadata files (newest first)");
    for (MetadataFile file : inspection.metadataFiles()) {
      out.add("    " + file.path() + file.problem().map(problem -> "  DAMAGED: " + problem).orElse("  ok"));
    }
    if (inspection.isIntact()) {
      out.add("  problems: none");
    } else {
      out.add("  problems");
      inspection.problems().forEach(problem -> out.add("    - " + problem));
    }
    return out;
  }

  private static void describe(CheckpointMetadata metadata, List<String> out) {
    out.add("  pipeline             " + metadata.pipeline().name() + " (batch interval "
        + metadata.pipeline().batchIntervalMillis() + " ms)");
    out.add("  toolkit version      " + metadata.toolkitVersion());
    out.add("  newest metadata      batch " + metadata.batchTime());
    out.add("  last completed batch " + orNone(metadata.lastCompletedBatch()));
    out.add("  state of batch       " + orNone(metadata.stateTime()));
    out.add("  pending batches      " + times(metadata.pending()));
    out.add("  source positions");
    metadata.positions().forEach((source, position) -> out.add("    " + source + ": " + position));
    out.add("  schema fingerprints");
    for (StageDescriptor stage : metadata.pipeline().statefulStages()) {
      StageDescriptor.StateDescriptor state = stage.state().orElseThrow();
      out.add("    " + stage.id() + ": key " + Fingerprint.hex(Fingerprint.of(state.key())) + ", value "
          + Fingerprint.hex(Fingerprint.of(state.value())));
    }
  }

  private static String orNone(OptionalLong time) {
    return time.isPresent() ? Long.toString(time.getAsLong()) : "none";
  }

  private static String times(List<GeneratedBatch> batches) {
    return batches.isEmpty() ? "none"
        : batches.stream().map(batch -> Long.toString(batch.timeMillis())).collect(Collectors.joining(", "));
  }

  /** The inspection as an indented JSON document. */
  public static String json(CheckpointInspection inspection) {
    ObjectNode root = MAPPER.createObjectNode().put("location", inspection.location())
        .put("intact", inspection.isIntact());
    inspection.problems().forEach(root.putArray("problems")::add);
    inspection.newest().ifPresent(metadata -> {
      root.put("pipeline", metadata.pipeline().name()).put("toolkitVersion", metadata.toolkitVersion())
          .put("batchTime", metadata.batchTime());
      putOptional(root, "lastCompletedBatch", metadata.lastCompletedBatch());
      putOptional(root, "stateTime", metadata.stateTime());
      metadata.pending().forEach(batch -> root.withArray("pending").add(batch.timeMillis()));
      ObjectNode positions = root.putObject("positions");
      metadata.positions().forEach((source, position) -> positions.putObject(source).put("type", position.type())
          .setAll((ObjectNode) MAPPER.valueToTree(position)));
    });
    ArrayNode stages = root.putArray("stateStages");
    for (StateCheckpoint stage : inspection.state()) {
      ObjectNode node = stages.addObject().put("id", stage.stageId()).put("stateTime", stage.stateTime())
          .put("keys", stage.keys()).put("bytes", stage.bytes());
      ArrayNode files = node.putArray("files");
      for (StatePart part : stage.parts()) {
        ObjectNode file = files.addObject().put("path", part.path());
        part.header().ifPresent(header -> putHeader(file, header));
        part.problem().ifPresent(problem -> file.put("problem", problem));
      }
    }
    ArrayNode metadataFiles = root.putArray("metadataFiles");
    for (MetadataFile file : inspection.metadataFiles()) {
      ObjectNode node = metadataFiles.addObject().put("path", file.path()).put("batchTime", file.batchTime());
      file.problem().ifPresent(problem -> node.put("problem", problem));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot fail to serialize", e);
    }
  }

  private static void putHeader(ObjectNode file, StateFileHeader header) {
    file.put("keys", header.count()).put("bytes", header.size())
        .put("keyFingerprint", Fingerprint.hex(header.keyFingerprint()))
        .put("valueFingerprint", Fingerprint.hex(header.valueFingerprint()));
  }

  private static void putOptional(ObjectNode node, String member, OptionalLong value) {
    if (value.isPresent()) {
      node.put(member, value.getAsLong());
    } else {
      node.putNull(member);
    }
  }
}
