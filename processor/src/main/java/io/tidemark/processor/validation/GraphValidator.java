package io.tidemark.processor.validation;

import io.tidemark.processor.model.CheckedPipeline.StateTypes;
import io.tidemark.processor.model.CheckedPipeline;
import io.tidemark.processor.model.CheckpointType;
import io.tidemark.processor.model.CheckpointTypeReader;
import io.tidemark.processor.model.Input;
import io.tidemark.processor.model.JavaTypes;
import io.tidemark.processor.model.PipelineModel;
import io.tidemark.processor.model.StageKind;
import io.tidemark.processor.model.StageModel;
import io.tidemark.processor.model.StreamType;
import io.tidemark.processor.validation.Diagnostics.Location;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.type.TypeMirror;

/**
 * Checks a pipeline as a whole: ids, the graph its {@code from}s form, the types flowing along it,
 * window durations and the types it checkpoints. The {@link CheckedPipeline} it produces is complete
 * only if no error was reported while the pipeline was read and validated; only then may it be generated.
 */
public final class GraphValidator {

  /** Stage ids and pipeline names: also file and directory names in checkpoints and descriptors. */
  public static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  /** Below this many slides of a window, the warning on the checkpoint interval. */
  private static final int MIN_SLIDES_PER_CHECKPOINT = 5;

  private final JavaTypes types;
  private final Diagnostics diagnostics;
  private final CheckpointTypeReader checkpointTypes;

  public GraphValidator(JavaTypes types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
    this.checkpointTypes = new CheckpointTypeReader(types, diagnostics);
  }

  public CheckedPipeline validate(PipelineModel pipeline) {
    checkPipeline(pipeline);
    Map<String, StageModel> byId = checkIds(pipeline);
    checkFrom(pipeline, byId);
    List<StageModel> ordered = new TopologicalOrder(byId, diagnostics).of(pipeline.stages());
    Map<String, StreamType> outputs = new HashMap<>();
    Map<String, Duration> slides = new HashMap<>();
    Map<String, StateTypes> states = new LinkedHashMap<>();
    for (StageModel stage : ordered) {
      if (stage.kind() != null && stage.from().stream().allMatch(outputs::containsKey)) {
        link(pipeline, stage, outputs, slides, states);
      }
    }
    return new CheckedPipeline(pipeline, ordered, outputs, states);
  }

  private void checkPipeline(PipelineModel pipeline) {
    if (!ID.matcher(pipeline.name()).matches()) {
      diagnostics.report(Message.PIPELINE_NAME_MALFORMED, pipeline.nameAt(), pipeline.name());
    }
    Duration batch = pipeline.batchInterval();
    Duration checkpoint = pipeline.checkpointInterval();
    if (batch != null && checkpoint != null && checkpoint.toMillis() % batch.toMillis() != 0) {
      diagnostics.report(Message.CHECKPOINT_INTERVAL_NOT_MULTIPLE, pipeline.checkpointIntervalAt(),
          text(checkpoint), text(batch));
    }
    if (pipeline.stages().stream().noneMatch(stage -> stage.annotation().equals("Sink"))) {
      diagnostics.report(Message.NO_SINK, pipeline.type(), pipeline.type().getSimpleName());
    }
  }

  private Map<String, StageModel> checkIds(PipelineModel pipeline) {
    Map<String, StageModel> byId = new LinkedHashMap<>();
    Map<String, StageModel> allIds = new HashMap<>();
    for (StageModel stage : pipeline.stages()) {
      if (!ID.matcher(stage.id()).matches()) {
        diagnostics.report(Message.ID_MALFORMED, stage.idAt(), stage.id());
      }
      StageModel first = byId.putIfAbsent(stage.id(), stage);
      if (first != null) {
        diagnostics.report(Message.ID_DUPLICATE, stage.idAt(), stage.id(), first.methodName());
      }
      allIds.putIfAbsent(stage.id(), stage);
    }
    for (StageModel stage : pipeline.stages()) {
      for (int i = 0; i < stage.formerly().size(); i++) {
        String former = stage.formerly().get(i);
        StageModel owner = allIds.putIfAbsent(former, stage);
        if (!ID.matcher(former).matches()) {
          diagnostics.report(Message.ID_MALFORMED, stage.formerlyAt().get(i), former);
        } else if (owner != null) {
          diagnostics.report(Message.FORMER_ID_DUPLICATE, stage.formerlyAt().get(i), former, stage.id(), owner.id());
        }
      }
    }
    for (int i = 0; i < pipeline.droppedStages().size(); i++) {
      if (byId.containsKey(pipeline.droppedStages().get(i))) {
        diagnostics.report(Message.DROPPED_STAGE_PRESENT, pipeline.droppedStagesAt().get(i),
            pipeline.droppedStages().get(i));
      }
    }
    return byId;
  }

  private void checkFrom(PipelineModel pipeline, Map<String, StageModel> byId) {
    for (StageModel stage : pipeline.stages()) {
      for (int i = 0; i < stage.from().size(); i++) {
        if (!byId.containsKey(stage.from().get(i))) {
          diagnostics.report(Message.FROM_UNKNOWN, stage.fromAt().get(i), stage.from().get(i), byId.keySet());
        }
      }
    }
  }

  /** Works out what {@code stage} produces from its inputs', checking that they fit its method. */
  private void link(PipelineModel pipeline, StageModel stage, Map<String, StreamType> outputs,
      Map<String, Duration> slides, Map<String, StateTypes> states) {
    List<StreamType> inputs = stage.from().stream().map(outputs::get).toList();
    boolean fits = true;
    for (Input input : stage.inputs()) {
      if (input.from() < inputs.size()) {
        fits &= fits(stage, input, stage.from().get(input.from()), inputs.get(input.from()));
      }
    }
    Duration slide = stage.from().isEmpty() ? pipeline.batchInterval()
        : stage.from().stream().map(slides::get).filter(s -> s != null).findFirst().orElse(null);
    if (stage.window() != null) {
      checkWindow(pipeline, stage, slide);
      slide = stage.window().slide();
    }
    slides.put(stage.id(), slide);
    if (!fits || stage.kind().isSink()) {
      return;
    }
    StreamType input = inputs.isEmpty() ? null : inputs.get(0);
    StreamType output = switch (stage.kind()) {
      case FILTER, INVERSE_WINDOW, RECOMPUTED_WINDOW -> input;
      case UPDATE_STATE -> new StreamType(types.declared(JavaTypes.KV, input.key(), stage.stateType()), true);
      default -> stage.output();
    };
    outputs.put(stage.id(), output);
    if (stage.kind() == StageKind.INVERSE_WINDOW) {
      checkpointed(stage, input.key(), input.value(), "value", states);
    } else if (stage.kind().isStateful()) {
      checkpointed(stage, input.key(), stage.stateType(), "state", states);
    }
  }

  private boolean fits(StageModel stage, Input input, String fromId, StreamType from) {
    boolean keyedForm = input.form() == Input.Form.VALUE || input.form() == Input.Form.VALUES
        || input.form() == Input.Form.KEY || input.form() == Input.Form.OPTIONAL_VALUE;
    if (keyedForm && !from.keyed()) {
      diagnostics.report(Message.KEYED_INPUT_REQUIRED, stage.fromAt().get(input.from()),
          stage.annotation(), fromId, JavaTypes.describe(from.streamType(types)));
      return false;
    }
    TypeMirror passed = switch (input.form()) {
      case ELEMENT -> from.element();
      case STREAM -> from.streamType(types);
      case BATCH -> types.declared("java.util.List", from.element());
      case VALUE -> from.value();
      case VALUES -> types.declared("java.util.List", from.value());
      case KEY -> from.key();
      case OPTIONAL_VALUE -> types.declared("java.util.Optional", from.value());
    };
    if (!types.isAssignable(passed, input.type())) {
      diagnostics.report(Message.TYPE_MISMATCH, input.where(), fromId, JavaTypes.describe(passed),
          input.method().getSimpleName(), JavaTypes.describe(input.type()));
      return false;
    }
    return true;
  }

  private void checkWindow(PipelineModel pipeline, StageModel stage, Duration inputSlide) {
    Duration batch = pipeline.batchInterval();
    if (batch == null || inputSlide == null) {
      return;
    }
    checkMultiple(stage, "length", stage.window().length(), stage.window().lengthAt(), batch, inputSlide);
    checkMultiple(stage, "slide", stage.window().slide(), stage.window().slideAt(), batch, inputSlide);
    Duration slide = stage.window().slide();
    Duration checkpoint = pipeline.checkpointInterval();
    if (stage.kind() == StageKind.INVERSE_WINDOW && slide != null && checkpoint != null
        && checkpoint.compareTo(slide.multipliedBy(MIN_SLIDES_PER_CHECKPOINT)) < 0) {
      diagnostics.report(Message.CHECKPOINT_INTERVAL_BELOW_FIVE_SLIDES, pipeline.checkpointIntervalAt(),
          text(checkpoint), stage.id(), text(slide.multipliedBy(MIN_SLIDES_PER_CHECKPOINT)));
    }
  }

  private void checkMultiple(StageModel stage, String what, Duration duration, Location at, Duration batch,
      Duration inputSlide) {
    if (duration == null) {
      return;
    }
    if (duration.toMillis() % batch.toMillis() != 0) {
      diagnostics.report(Message.WINDOW_NOT_MULTIPLE_OF_BATCH, at, what, text(duration), text(batch));
    } else if (duration.toMillis() % inputSlide.toMillis() != 0) {
      diagnostics.report(Message.WINDOW_NOT_MULTIPLE_OF_INPUT, at, what, text(duration), text(inputSlide),
          stage.from().get(0));
    }
  }

  private void checkpointed(StageModel stage, TypeMirror key, TypeMirror value, String valueRole,
      Map<String, StateTypes> states) {
    Optional<CheckpointType> keyType = checkpointTypes.read(key, stage, "key");
    Optional<CheckpointType> valueType = checkpointTypes.read(value, stage, valueRole);
    if (keyType.isPresent() && valueType.isPresent()) {
      states.put(stage.id(), new StateTypes(key, keyType.get(), value, valueType.get()));
    }
  }

  /** A duration as users write it in the annotations, for messages. */
  private static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** Orders stages after their inputs, reporting each cycle once, on the first of its stages declared. */
  private static final class TopologicalOrder {
    private final Map<String, StageModel> byId;
    private final Diagnostics diagnostics;
    private final Set<String> done = new HashSet<>();
    private final List<String> path = new ArrayList<>();
    private final List<StageModel> ordered = new ArrayList<>();

    TopologicalOrder(Map<String, StageModel> byId, Diagnostics diagnostics) {
      this.byId = byId;
      this.diagnostics = diagnostics;
    }

    List<StageModel> of(List<StageModel> stages) {
      for (StageModel stage : stages) {
        if (byId.get(stage.id()) == stage) {
          visit(stage);
        }
      }
      return ordered;
    }

    private void visit(StageModel stage) {
      if (done.contains(stage.id())) {
        return;
      }
      int start = path.indexOf(stage.id());
      if (start >= 0) {
        List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
        cycle.add(stage.id());
        diagnostics.report(Message.CYCLE, stage.idAt(), stage.id(), String.join(" -> ", cycle));
        return;
      }
      path.add(stage.id());
      for (String from : stage.from()) {
        StageModel input = byId.get(from);
        if (input != null) {
          visit(input);
        }
      }
      path.remove(path.size() - 1);
      if (done.add(stage.id())) {
        ordered.add(stage);
      }
    }
  }
}
