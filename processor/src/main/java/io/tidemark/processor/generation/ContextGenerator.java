package io.tidemark.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tidemark.processor.model.CheckedPipeline.StateTypes;
import io.tidemark.processor.model.CheckedPipeline;
import io.tidemark.processor.model.JavaTypes;
import io.tidemark.processor.model.PipelineModel;
import io.tidemark.processor.model.StageModel;
import io.tidemark.processor.model.StreamType;
import io.tidemark.processor.model.WindowSpec;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.PipelineFactory;
import io.tidemark.stream.StateSpec;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingContextBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Pipeline>Context}: the factory that builds the pipeline's graph through the public
 * {@code io.tidemark.stream} API only (so any engine implementing that API runs it), stateful stages
 * under their annotation's id with their generated serializers; plus {@code getOrCreate} and a
 * nested {@link PipelineFactory} for the launcher.
 */
final class ContextGenerator {

  private static final ClassName BUILDER = ClassName.get(StreamingContextBuilder.class);

  private final AnnotationSpec generated;
  private final JavaTypes types;
  private final SerializerExpressions serializers;

  ContextGenerator(AnnotationSpec generated, JavaTypes types, SerializerExpressions serializers) {
    this.generated = generated;
    this.types = types;
    this.serializers = serializers;
  }

  static ClassName className(PipelineModel pipeline) {
    ClassName name = ClassName.get(pipeline.type());
    return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + "Context");
  }

  /** The nested {@link PipelineFactory}, as the services file names it. */
  static String factoryBinaryName(PipelineModel pipeline) {
    return className(pipeline).reflectionName() + "$Factory";
  }

  JavaFile generate(CheckedPipeline checked) {
    PipelineModel pipeline = checked.model();
    ClassName self = className(pipeline);
    TypeSpec context = TypeSpec.classBuilder(self)
        .addJavadoc("Builds pipeline {@code $L} of {@link $T}; generated from its annotations.\n", pipeline.name(),
            ClassName.get(pipeline.type()))
        .addAnnotation(generated)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(pipeline.type())
        .addField(constant(String.class, "NAME", CodeBlock.of("$S", pipeline.name())))
        .addField(constant(Duration.class, "BATCH_INTERVAL", duration(pipeline.batchInterval())))
        .addField(constant(Duration.class, "CHECKPOINT_INTERVAL", duration(pipeline.checkpointInterval())))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("A builder with the pipeline's name and intervals, to set a clock or the parallelism on.\n")
            .returns(BUILDER)
            .addCode(builder(pipeline))
            .build())
        .addMethod(MethodSpec.methodBuilder("createContext").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(StreamingContext.class).addParameter(PipelineConfig.class, "config")
            .addStatement("return createContext(builder(), config)").build())
        .addMethod(createContext(checked))
        .addMethod(MethodSpec.methodBuilder("getOrCreate").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("The context recovered from {@code checkpointDir} when it holds a compatible checkpoint, "
                + "else a new one; not started.\n")
            .returns(StreamingContext.class).addParameter(String.class, "checkpointDir")
            .addParameter(PipelineConfig.class, "config")
            .addStatement("return $T.getOrCreate(checkpointDir, () -> createContext(config))", StreamingContext.class)
            .build())
        .addType(factory(self))
        .build();
    return JavaFile.builder(self.packageName(), context).skipJavaLangImports(true).build();
  }

  /** The context's options: name, intervals, and the stage renames and drops the annotations declare. */
  private static CodeBlock builder(PipelineModel pipeline) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("return $T.builder(BATCH_INTERVAL)$>$>\n.name(NAME)\n.checkpointInterval(CHECKPOINT_INTERVAL)",
            StreamingContext.class);
    for (StageModel stage : pipeline.stages()) {
      stage.formerly().forEach(former -> code.add("\n.renamedStage($S, $S)", former, stage.id()));
    }
    pipeline.droppedStages().forEach(dropped -> code.add("\n.droppedStage($S)", dropped));
    return code.add(";\n$<$<").build();
  }

  private static FieldSpec constant(Class<?> type, String name, CodeBlock value) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(value).build();
  }

  private static CodeBlock duration(Duration duration) {
    return CodeBlock.of("$T.ofMillis($L)", Duration.class, duration.toMillis());
  }

  private MethodSpec createContext(CheckedPipeline checked) {
    PipelineModel pipeline = checked.model();
    TypeName pipelineType = ClassName.get(pipeline.type());
    MethodSpec.Builder create = MethodSpec.methodBuilder("createContext")
        .addJavadoc("A new context from {@code builder} running the pipeline with {@code config}; not started.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(StreamingContext.class)
        .addParameter(BUILDER, "builder").addParameter(PipelineConfig.class, "config")
        .addStatement("config.asMap().forEach(builder::config)")
        .addStatement("$T context = builder.build()", StreamingContext.class)
        .addStatement("$T pipeline = new $T()", pipelineType, pipelineType);
    Map<String, String> variables = new HashMap<>();
    for (StageModel stage : checked.stages()) {
      StreamType output = checked.outputs().get(stage.id());
      CodeBlock receiver = stage.isStatic() ? CodeBlock.of("$T", pipelineType) : CodeBlock.of("pipeline");
      List<String> inputs = stage.from().stream().map(variables::get).toList();
      StreamType input = stage.from().isEmpty() ? null : checked.outputs().get(stage.from().get(0));
      CodeBlock statement = new StageStatement(stage, receiver, inputs, input, output,
          checked.states().get(stage.id())).code();
      if (output == null) {
        create.addStatement(statement);
      } else {
        String variable = variable(stage.id(), variables);
        create.addStatement("$T $L = $L", TypeName.get(output.streamType(types)), variable, statement);
      }
    }
    return create.addStatement("return context").build();
  }

  /** A Java identifier for a stage id, unique among the method's variables. */
  private static String variable(String id, Map<String, String> variables) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : id.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    String candidate = name + "Stream";
    while (variables.containsValue(candidate)) {
      candidate = candidate + "_";
    }
    variables.put(id, candidate);
    return candidate;
  }

  private TypeSpec factory(ClassName context) {
    return TypeSpec.classBuilder("Factory").addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The pipeline for the launcher, registered in {@code META-INF/services}.\n")
        .addSuperinterface(PipelineFactory.class)
        .addMethod(MethodSpec.methodBuilder("name").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(String.class).addStatement("return NAME").build())
        .addMethod(MethodSpec.methodBuilder("createContext").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(StreamingContext.class)
            .addParameter(PipelineConfig.class, "config")
            .addStatement("return $T.createContext(config)", context).build())
        .addMethod(MethodSpec.methodBuilder("getOrCreate").addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC).returns(StreamingContext.class)
            .addParameter(String.class, "checkpointDir").addParameter(PipelineConfig.class, "config")
            .addStatement("return $T.getOrCreate(checkpointDir, config)", context).build())
        .build();
  }

  /** The expression (or, for sinks, the statement) that adds one stage to the graph. */
  private final class StageStatement {
    private final StageModel stage;
    private final CodeBlock receiver;
    private final List<String> inputs;
    private final StreamType input;
    private final StreamType output;
    private final StateTypes state;

    StageStatement(StageModel stage, CodeBlock receiver, List<String> inputs, StreamType input, StreamType output,
        StateTypes state) {
      this.stage = stage;
      this.receiver = receiver;
      this.inputs = inputs;
      this.input = input;
      this.output = output;
      this.state = state;
    }

    CodeBlock code() {
      String in = inputs.isEmpty() ? null : inputs.get(0);
      String id = stage.id();
      CodeBlock method = CodeBlock.of("$L::$L", receiver, stage.methodName());
      return switch (stage.kind()) {
        case SOURCE -> CodeBlock.of("$L.attach(context).uid($S)", call(), id);
        case MAP -> CodeBlock.of("$L.<$T>map($L).uid($S)", in, element(), method, id);
        case FLAT_MAP -> CodeBlock.of("$L.<$T>flatMap($L).uid($S)", in, element(), method, id);
        case OPTIONAL_MAP -> CodeBlock.of("$L.<$T>flatMap(element -> $L.$L(element).map($T::of).orElseGet($T::of))"
            + ".uid($S)", in, element(), receiver, stage.methodName(), List.class, List.class, id);
        case FILTER -> CodeBlock.of("$L.filter($L).uid($S)", in, method, id);
        case MAP_TO_PAIR -> CodeBlock.of("$L.<$T, $T>mapToPair($L).uid($S)", in, TypeName.get(output.key()),
            TypeName.get(output.value()), method, id);
        case STREAM_TRANSFORM -> CodeBlock.of("$L.$L($L).uid($S)", receiver, stage.methodName(),
            String.join(", ", inputs), id);
        // stateful stages take their id as an argument
        case INVERSE_WINDOW -> CodeBlock.of("$L.reduceByKeyAndWindow($S, $L, $L, $L, $L::$L, $L, $L, $L)",
            in, id, keySerializer(), valueSerializer(), method, receiver, stage.window().inverse().getSimpleName(),
            duration(stage.window().length()), duration(stage.window().slide()), keep());
        // reduceByKeyAndWindow without inverse, its two stages named as the descriptor names them
        case RECOMPUTED_WINDOW -> CodeBlock.of("$L.window($L, $L).uid($S).reduceByKey($L).uid($S)", in,
            duration(stage.window().length()), duration(stage.window().slide()), DescriptorGenerator.windowOf(id),
            method, id);
        // the method's null previous is the runtime's empty state; with the key when the method takes it
        case UPDATE_STATE -> CodeBlock.of("$L.<$T>updateStateByKey($S, $L, $L, "
            + "($Lvalues, previous) -> $L.$L($Lvalues, previous.orElse(null)))", in, TypeName.get(state.valueType()),
            id, keySerializer(), valueSerializer(), stage.takesKey() ? "key, " : "", receiver, stage.methodName(),
            stage.takesKey() ? "key, " : "");
        case MAP_WITH_STATE -> CodeBlock.of("$L.mapWithState($S, $L, $L, $T.<$T, $T, $T, $T>function($L)$L)",
            in, id, keySerializer(), valueSerializer(), StateSpec.class, TypeName.get(state.keyType()), inputValue(),
            TypeName.get(state.valueType()), element(), method, stage.timeout() == null ? CodeBlock.of("")
                : CodeBlock.of(".timeout($L)", duration(stage.timeout())));
        case BATCH_SINK -> CodeBlock.of("$L.foreachBatch($L).uid($S)", in, method, id);
        case SPEC_SINK -> CodeBlock.of("$L.attach($L).uid($S)", call(), in, id);
      };
    }

    /** The keys an incremental window keeps: what its keep method says, else all. */
    private CodeBlock keep() {
      WindowSpec window = stage.window();
      if (window.keep() == null) {
        return CodeBlock.of("pair -> true");
      }
      return window.keepTakesPair() ? CodeBlock.of("$L::$L", receiver, window.keep().getSimpleName())
          : CodeBlock.of("pair -> $L.$L(pair.value())", receiver, window.keep().getSimpleName());
    }

    /** A call of the stage method with the configuration, if it takes it. */
    private CodeBlock call() {
      return CodeBlock.of("$L.$L($L)", receiver, stage.methodName(),
          stage.method().getParameters().isEmpty() ? "" : "config");
    }

    private TypeName element() {
      return TypeName.get(output.element());
    }

    private TypeName inputValue() {
      return TypeName.get(input.value());
    }

    private CodeBlock keySerializer() {
      return serializers.of(state.key());
    }

    private CodeBlock valueSerializer() {
      return serializers.of(state.value());
    }
  }
}
