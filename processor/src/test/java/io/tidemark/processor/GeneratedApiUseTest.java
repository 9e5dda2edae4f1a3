package io.tidemark.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code is user code: it may use only the packages users may, so that the runtime's internals
 * can change without breaking a compiled pipeline. The word count and every other stage shape
 * ({@code shapes/Shapes.java}) are compiled, and every Tidemark type their generated sources name is
 * checked to lie in an API package.
 */
class GeneratedApiUseTest {

  /** The packages of the runtime's API: what {@code io.tidemark.ArchitectureTest} in the runtime calls API. */
  private static final Set<String> API = Set.of("io.tidemark.annotation", "io.tidemark.schema",
      "io.tidemark.function", "io.tidemark.stream", "io.tidemark.source", "io.tidemark.sink",
      "io.tidemark.checkpoint", "io.tidemark.testing");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  private static final Pattern TIDEMARK_TYPE = Pattern.compile("\\bio\\.tidemark\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]\\w*");

  @Test
  void generatedSourcesNameOnlyApiTypes() {
    List<JavaFileObject> generated = new ArrayList<>();
    Stream.of(
            CompiledPipeline.compile(JavaFileObjects.forResource("wordcount/WordCount.java"),
                JavaFileObjects.forResource("wordcount/WordStats.java")),
            CompiledPipeline.compile(JavaFileObjects.forResource("shapes/Shapes.java")))
        .forEach(pipeline -> generated.addAll(pipeline.compilation().generatedSourceFiles()));
    assertThat(generated).hasSize(3); // two contexts and the word count's serializers

    Set<String> used = new TreeSet<>();
    for (JavaFileObject file : generated) {
      // code, not text: @Generated names the processor in a string
      Matcher type = TIDEMARK_TYPE.matcher(STRING_LITERAL.matcher(source(file)).replaceAll("\"\""));
      while (type.find()) {
        used.add("io.tidemark." + type.group(1) + " (" + file.getName() + ")");
      }
    }
    assertThat(used).as("Tidemark packages named by generated code").isNotEmpty()
        .allSatisfy(use -> assertThat(API).as(use).contains(use.substring(0, use.indexOf(' '))));
  }

  private static String source(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
