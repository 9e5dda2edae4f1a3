package io.tidemark.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import io.tidemark.schema.RecordSchema;
import io.tidemark.schema.Serializer;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Where the serializers of checkpointed types go when pipelines share them or keep them in other
 * packages: beside each type, nested in a class named after the first pipeline that checkpoints it, and
 * generated once however many pipelines use it.
 */
class SerializerPlacementTest {

  private static final CompiledPipeline COMPILED = CompiledPipeline.compile(
      pipeline("a", "First", "model.Shared", "Local"),
      JavaFileObjects.forSourceString("a.Local", "package a;\nrecord Local(long total) {}\n"),
      pipeline("b", "Second", "model.Shared", "model.Other"),
      pipeline("c", "First", "model.Third", "model.Third"),
      record("Shared"), record("Other"), record("Third"));

  /** A pipeline {@code packageName.className} with two states, of {@code firstState} and {@code secondState}. */
  private static JavaFileObject pipeline(String packageName, String className, String firstState, String secondState) {
    return JavaFileObjects.forSourceString(packageName + "." + className, """
        package %s;
        import io.tidemark.annotation.*;
        import io.tidemark.annotation.State;
        import io.tidemark.function.*;
        import io.tidemark.stream.*;
        import java.util.*;
        @Pipeline(name = "%s", batchInterval = "1s", checkpointInterval = "10s")
        public class %s {
          @Source(id = "lines")
          SourceSpec<String> lines(PipelineConfig conf) { return Sources.queue(List.of()); }
          @Transform(id = "pairs", from = "lines")
          KV<String, Long> one(String line) { return KV.of(line, 1L); }
          @State(id = "first", from = "pairs")
          %s first(List<Long> values, %s previous) { return previous; }
          @State(id = "second", from = "pairs")
          %s second(List<Long> values, %s previous) { return previous; }
          @Sink(id = "out", from = "pairs")
          void out(BatchTime time, List<KV<String, Long>> batch) {}
        }
        """.formatted(packageName, packageName + "-" + className, className, firstState, firstState, secondState,
        secondState));
  }

  private static JavaFileObject record(String name) {
    return JavaFileObjects.forSourceString("model." + name, "package model;\npublic record %s(long total) {}\n"
        .formatted(name));
  }

  @Test
  void nestsEachSerializerBesideItsTypeInTheClassOfTheFirstPipelineCheckpointingIt() {
    assertThat(COMPILED.compilation().generatedSourceFiles()).map(JavaFileObject::getName).containsExactlyInAnyOrder(
        "/SOURCE_OUTPUT/a/FirstContext.java", "/SOURCE_OUTPUT/a/FirstSerializers.java",
        "/SOURCE_OUTPUT/model/FirstSerializers.java",
        "/SOURCE_OUTPUT/b/SecondContext.java", "/SOURCE_OUTPUT/model/SecondSerializers.java",
        "/SOURCE_OUTPUT/c/FirstContext.java", "/SOURCE_OUTPUT/model/c_FirstSerializers.java");
    assertThat(recordName("a.FirstSerializers$LocalSerializer")).isEqualTo("Local");
    assertThat(recordName("model.FirstSerializers$SharedSerializer")).isEqualTo("Shared");
    assertThat(recordName("model.SecondSerializers$OtherSerializer")).isEqualTo("Other");
    assertThat(recordName("model.c_FirstSerializers$ThirdSerializer")).isEqualTo("Third");
  }

  @Test
  void aLaterPipelineUsesTheSerializerGeneratedForAnEarlierOne() throws IOException {
    assertThat(COMPILED.load("model.SecondSerializers").getDeclaredClasses()).extracting(Class::getSimpleName)
        .containsExactly("OtherSerializer");
    assertThat(COMPILED.compilation().generatedSourceFile("b.SecondContext").orElseThrow().getCharContent(true))
        .contains("FirstSerializers.SharedSerializer.INSTANCE");
  }

  /** The name in the schema of a generated serializer. */
  private static String recordName(String serializerClass) {
    Serializer<?> serializer = (Serializer<?>) CompiledPipeline.staticField(COMPILED.load(serializerClass), "INSTANCE");
    return ((RecordSchema) serializer.schema()).name();
  }
}
