package io.tidemark.processor.model;

import io.tidemark.function.Durations;
import io.tidemark.processor.validation.Diagnostics.Location;
import io.tidemark.processor.validation.Diagnostics;
import io.tidemark.processor.validation.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads a {@code @Pipeline} class into a {@link PipelineModel}: the annotations' values, and each stage
 * method's kind from its shape. Reports what is wrong with one element on its own (a shape, a duration,
 * an inaccessible class); what is wrong between stages is the validator's job.
 */
public final class PipelineReader {

  private static final String PACKAGE = "io.tidemark.annotation.";
  private static final List<String> STAGE_ANNOTATIONS =
      List.of("Source", "Transform", "Window", "State", "Sink");

  private final JavaTypes types;
  private final Diagnostics diagnostics;

  public PipelineReader(JavaTypes types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
  }

  public PipelineModel read(TypeElement type) {
    checkInstantiable(type);
    AnnotationReader pipeline = AnnotationReader.of(type, PACKAGE + "Pipeline");
    Duration batchInterval = duration(pipeline, "batchInterval");
    Duration checkpointInterval = duration(pipeline, "checkpointInterval");
    List<StageModel> stages = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      AnnotationReader stage = stageAnnotation(method);
      if (stage != null) {
        stages.add(readStage(type, accessible(type, method), stage));
      }
    }
    return new PipelineModel(type, pipeline.string("name"), pipeline.at("name"), batchInterval, checkpointInterval,
        pipeline.at("checkpointInterval"), pipeline.strings("droppedStages"), pipeline.stringsAt("droppedStages"),
        stages);
  }

  private void checkInstantiable(TypeElement type) {
    boolean accessible = true;
    for (Element e = type; e.getKind().isClass() || e.getKind().isInterface(); e = e.getEnclosingElement()) {
      TypeElement enclosing = (TypeElement) e;
      accessible &= !enclosing.getModifiers().contains(Modifier.PRIVATE)
          && (enclosing.getNestingKind() == NestingKind.TOP_LEVEL
              || enclosing.getNestingKind() == NestingKind.MEMBER && enclosing.getModifiers().contains(Modifier.STATIC));
    }
    if (!accessible || type.getKind() != ElementKind.CLASS) {
      diagnostics.report(Message.PIPELINE_CLASS_NOT_ACCESSIBLE, type, type.getSimpleName());
      return;
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    boolean creatable = !type.getModifiers().contains(Modifier.ABSTRACT) && constructors.stream()
        .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!creatable) {
      diagnostics.report(Message.PIPELINE_NO_CONSTRUCTOR, type, type.getSimpleName());
    }
  }

  /** The method's one stage annotation; reports a second one. Null if it has none. */
  private AnnotationReader stageAnnotation(ExecutableElement method) {
    AnnotationReader found = null;
    for (String name : STAGE_ANNOTATIONS) {
      AnnotationReader annotation = AnnotationReader.of(method, PACKAGE + name);
      if (annotation == null) {
        continue;
      }
      if (found == null) {
        found = annotation;
      } else {
        diagnostics.report(Message.SEVERAL_STAGE_ANNOTATIONS, annotation.location(), method.getSimpleName(),
            found.simpleName(), annotation.simpleName());
      }
    }
    return found;
  }

  private StageModel readStage(TypeElement type, ExecutableElement method, AnnotationReader annotation) {
    StageBuilder stage = new StageBuilder(method, annotation);
    switch (annotation.simpleName()) {
      case "Source" -> readSource(stage);
      case "Transform" -> readTransform(stage);
      case "Window" -> readWindow(type, stage);
      case "State" -> readState(stage);
      default -> readSink(stage);
    }
    return stage.build();
  }

  private void readSource(StageBuilder stage) {
    ExecutableElement method = stage.method;
    TypeMirror element = types.typeArgument(method.getReturnType(), JavaTypes.SOURCE_SPEC, 0);
    if (element == null || !takesConfigOnly(method)) {
      diagnostics.report(Message.SOURCE_SHAPE, method, method.getSimpleName());
      return;
    }
    stage.kind = StageKind.SOURCE;
    stage.output = new StreamType(element, false);
  }

  private boolean takesConfigOnly(ExecutableElement method) {
    List<? extends VariableElement> parameters = method.getParameters();
    return parameters.isEmpty()
        || parameters.size() == 1 && types.is(parameters.get(0).asType(), JavaTypes.PIPELINE_CONFIG);
  }

  private void readTransform(StageBuilder stage) {
    ExecutableElement method = stage.method;
    List<? extends VariableElement> parameters = method.getParameters();
    TypeMirror result = method.getReturnType();
    boolean overStreams = !parameters.isEmpty() && types.isSubtypeOf(result, JavaTypes.DSTREAM)
        && parameters.stream().allMatch(p -> types.isSubtypeOf(p.asType(), JavaTypes.DSTREAM));
    if (overStreams) {
      if (parameters.size() != stage.from.size()) {
        diagnostics.report(Message.FROM_COUNT, stage.annotation.at("from"), method.getSimpleName(),
            parameters.size(), stage.from.size());
      }
      stage.kind = StageKind.STREAM_TRANSFORM;
      for (int i = 0; i < parameters.size(); i++) {
        stage.inputs.add(new Input(i, Input.Form.STREAM, parameters.get(i).asType(), parameters.get(i)));
      }
      stage.output = new StreamType(types.typeArgument(result, JavaTypes.DSTREAM, 0),
          types.isSubtypeOf(result, JavaTypes.PAIR_DSTREAM));
      return;
    }
    if (parameters.size() != 1 || result.getKind() == TypeKind.VOID) {
      diagnostics.report(Message.TRANSFORM_SHAPE, method, method.getSimpleName());
      return;
    }
    if (stage.from.size() != 1) {
      diagnostics.report(Message.FROM_COUNT, stage.annotation.at("from"), method.getSimpleName(), 1,
          stage.from.size());
    }
    stage.inputs.add(new Input(0, Input.Form.ELEMENT, parameters.get(0).asType(), parameters.get(0)));
    if (result.getKind() == TypeKind.BOOLEAN) {
      stage.kind = StageKind.FILTER;
    } else if (types.is(result, JavaTypes.KV)) {
      stage.kind = StageKind.MAP_TO_PAIR;
      stage.output = new StreamType(result, true);
    } else if (types.is(result, "java.util.Optional")) {
      stage.kind = StageKind.OPTIONAL_MAP;
      stage.output = new StreamType(types.typeArgument(result, "java.util.Optional", 0), false);
    } else if (types.isSubtypeOf(result, "java.lang.Iterable")) {
      stage.kind = StageKind.FLAT_MAP;
      stage.output = new StreamType(types.typeArgument(result, "java.lang.Iterable", 0), false);
    } else {
      stage.kind = StageKind.MAP;
      stage.output = new StreamType(types.boxed(result), false);
    }
  }

  private void readWindow(TypeElement type, StageBuilder stage) {
    ExecutableElement method = stage.method;
    Duration length = duration(stage.annotation, "length");
    Duration slide = duration(stage.annotation, "slide");
    if (!isReduce(method)) {
      diagnostics.report(Message.WINDOW_SHAPE, method, method.getSimpleName());
      return;
    }
    String inverseName = stage.annotation.string("inverse");
    ExecutableElement inverse = inverseName.isEmpty() ? null : inverse(type, method, inverseName, stage.annotation);
    String keepName = stage.annotation.string("keep");
    ExecutableElement keep = null;
    if (!keepName.isEmpty() && inverseName.isEmpty()) {
      diagnostics.report(Message.KEEP_NEEDS_INVERSE, stage.annotation.at("keep"), method.getSimpleName());
    } else if (!keepName.isEmpty()) {
      keep = keep(type, keepName, stage.annotation);
    }
    stage.kind = inverseName.isEmpty() ? StageKind.RECOMPUTED_WINDOW : StageKind.INVERSE_WINDOW;
    VariableElement value = method.getParameters().get(0);
    stage.inputs.add(new Input(0, Input.Form.VALUE, value.asType(), value));
    boolean keepTakesPair = false;
    if (keep != null) {
      VariableElement kept = keep.getParameters().get(0);
      keepTakesPair = types.is(kept.asType(), JavaTypes.KV);
      // the validator checks what the keep method takes against the window's input, as for the reduce
      stage.inputs.add(new Input(0, keepTakesPair ? Input.Form.ELEMENT : Input.Form.VALUE, kept.asType(), kept));
    }
    stage.window = new WindowSpec(length, stage.annotation.at("length"), slide, stage.annotation.at("slide"), inverse,
        keep, keepTakesPair);
  }

  /** {@code V f(V, V)}, boxed or not. */
  private boolean isReduce(ExecutableElement method) {
    List<? extends VariableElement> parameters = method.getParameters();
    return parameters.size() == 2 && method.getReturnType().getKind() != TypeKind.VOID
        && types.isSameType(parameters.get(0).asType(), method.getReturnType())
        && types.isSameType(parameters.get(1).asType(), method.getReturnType());
  }

  private ExecutableElement inverse(TypeElement type, ExecutableElement reduce, String name,
      AnnotationReader annotation) {
    List<ExecutableElement> candidates = methodsNamed(type, name);
    if (candidates.isEmpty()) {
      diagnostics.report(Message.INVERSE_MISSING, annotation.at("inverse"), name, type.getSimpleName());
      return null;
    }
    TypeMirror value = reduce.getReturnType();
    for (ExecutableElement candidate : candidates) {
      if (isReduce(candidate) && types.isSameType(candidate.getReturnType(), value)) {
        return accessible(type, candidate);
      }
    }
    diagnostics.report(Message.INVERSE_SHAPE, candidates.get(0), name,
        value + " " + name + "(" + value + ", " + value + ")");
    return null;
  }

  /** The window's {@code boolean keep(KV<K, V>)} or {@code boolean keep(V)}; what it takes is checked later. */
  private ExecutableElement keep(TypeElement type, String name, AnnotationReader annotation) {
    List<ExecutableElement> candidates = methodsNamed(type, name);
    if (candidates.isEmpty()) {
      diagnostics.report(Message.KEEP_MISSING, annotation.at("keep"), name, name, type.getSimpleName());
      return null;
    }
    for (ExecutableElement candidate : candidates) {
      if (candidate.getReturnType().getKind() == TypeKind.BOOLEAN && candidate.getParameters().size() == 1) {
        return accessible(type, candidate);
      }
    }
    diagnostics.report(Message.KEEP_SHAPE, candidates.get(0), name, name, name);
    return null;
  }

  private static List<ExecutableElement> methodsNamed(TypeElement type, String name) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(name)).toList();
  }

  /** {@code method}, reported if private: the generated context calls it. */
  private ExecutableElement accessible(TypeElement type, ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      diagnostics.report(Message.STAGE_METHOD_PRIVATE, method, method.getSimpleName(), type.getSimpleName());
    }
    return method;
  }

  private void readState(StageBuilder stage) {
    ExecutableElement method = stage.method;
    List<? extends VariableElement> parameters = method.getParameters();
    String timeoutText = stage.annotation.string("timeout");
    Duration timeout = timeoutText.isEmpty() ? null : duration(stage.annotation, "timeout");
    TypeMirror result = method.getReturnType();
    // S update(List<V> values, S previous) or S update(K key, List<V> values, S previous)
    int valuesAt = parameters.size() - 2;
    if ((valuesAt == 0 || valuesAt == 1) && types.is(parameters.get(valuesAt).asType(), "java.util.List")
        && result.getKind() != TypeKind.VOID && types.isSameType(parameters.get(valuesAt + 1).asType(), result)) {
      if (!timeoutText.isEmpty()) {
        diagnostics.report(Message.STATE_TIMEOUT_NEEDS_MAPPING_SHAPE, stage.annotation.at("timeout"),
            method.getSimpleName());
      }
      stage.kind = StageKind.UPDATE_STATE;
      stage.stateType = types.boxed(result);
      if (valuesAt == 1) {
        stage.inputs.add(new Input(0, Input.Form.KEY, parameters.get(0).asType(), parameters.get(0)));
      }
      stage.inputs.add(new Input(0, Input.Form.VALUES, parameters.get(valuesAt).asType(), parameters.get(valuesAt)));
      return;
    }
    TypeMirror state = parameters.size() == 3 ? types.typeArgument(parameters.get(2).asType(), JavaTypes.STATE, 0)
        : null;
    if (state == null || !types.is(parameters.get(1).asType(), "java.util.Optional")
        || result.getKind() == TypeKind.VOID || !types.is(parameters.get(2).asType(), JavaTypes.STATE)) {
      diagnostics.report(Message.STATE_SHAPE, method, method.getSimpleName());
      return;
    }
    stage.kind = StageKind.MAP_WITH_STATE;
    stage.stateType = state;
    stage.timeout = timeout;
    stage.output = new StreamType(types.boxed(result), false);
    stage.inputs.add(new Input(0, Input.Form.KEY, parameters.get(0).asType(), parameters.get(0)));
    stage.inputs.add(new Input(0, Input.Form.OPTIONAL_VALUE, parameters.get(1).asType(), parameters.get(1)));
  }

  private void readSink(StageBuilder stage) {
    ExecutableElement method = stage.method;
    List<? extends VariableElement> parameters = method.getParameters();
    if (method.getReturnType().getKind() == TypeKind.VOID && parameters.size() == 2
        && types.is(parameters.get(0).asType(), JavaTypes.BATCH_TIME)
        && types.is(parameters.get(1).asType(), "java.util.List")) {
      stage.kind = StageKind.BATCH_SINK;
      stage.inputs.add(new Input(0, Input.Form.BATCH, parameters.get(1).asType(), parameters.get(1)));
      return;
    }
    TypeMirror element = types.typeArgument(method.getReturnType(), JavaTypes.SINK_SPEC, 0);
    if (element == null || !takesConfigOnly(method)) {
      diagnostics.report(Message.SINK_SHAPE, method, method.getSimpleName());
      return;
    }
    stage.kind = StageKind.SPEC_SINK;
    stage.inputs.add(new Input(0, Input.Form.STREAM, types.declared(JavaTypes.DSTREAM, element), method));
  }

  /** A duration attribute; null (reported) if it does not parse or is zero. */
  private Duration duration(AnnotationReader annotation, String attribute) {
    String text = annotation.string(attribute);
    Duration duration;
    try {
      duration = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      diagnostics.report(Message.DURATION_INVALID, annotation.at(attribute), attribute, text);
      return null;
    }
    if (duration.isZero()) {
      diagnostics.report(Message.DURATION_NOT_POSITIVE, annotation.at(attribute), attribute, text);
      return null;
    }
    return duration;
  }

  /** The parts of a {@link StageModel} gathered while its method is read. */
  private static final class StageBuilder {
    final ExecutableElement method;
    final AnnotationReader annotation;
    final List<String> from;
    final List<Input> inputs = new ArrayList<>();
    StageKind kind;
    StreamType output;
    WindowSpec window;
    TypeMirror stateType;
    Duration timeout;

    StageBuilder(ExecutableElement method, AnnotationReader annotation) {
      this.method = method;
      this.annotation = annotation;
      this.from = annotation.simpleName().equals("Source") ? List.of() : annotation.strings("from");
    }

    StageModel build() {
      List<Location> fromAt = from.isEmpty() ? List.of() : annotation.stringsAt("from");
      return new StageModel(annotation.simpleName(), annotation.string("id"), annotation.at("id"), kind, method, from, fromAt,
          annotation.strings("formerly"), annotation.stringsAt("formerly"), inputs, output, window, stateType,
          timeout);
    }
  }
}
