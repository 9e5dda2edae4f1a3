package io.tidemark.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A pipeline class written in a test, with the imports every pipeline uses, and the line numbers of
 * its snippets so that tests assert the exact line of a diagnostic without counting by hand.
 */
final class PipelineSource {

  private static final List<String> IMPORTS = List.of(
      "package test;",
      "import io.tidemark.annotation.*;",
      "import io.tidemark.function.*;",
      "import io.tidemark.stream.*;",
      "import java.util.*;",
      "import io.tidemark.annotation.State;");

  private final String className;
  private final List<String> lines = new ArrayList<>(IMPORTS);
  private final JavaFileObject file;

  private PipelineSource(String className, String body) {
    this.className = className;
    lines.addAll(body.lines().toList());
    file = JavaFileObjects.forSourceLines("test." + className, lines);
  }

  /** {@code body}: the class declaration (and any types beside it) of {@code test.<className>}. */
  static PipelineSource of(String className, String body) {
    return new PipelineSource(className, body);
  }

  /** The same file object every time: compile-testing locates diagnostics by it. */
  JavaFileObject file() {
    return file;
  }

  String className() {
    return className;
  }

  /** The 1-based line of the only line containing {@code snippet}. */
  long lineOf(String snippet) {
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(snippet)) {
        if (found >= 0) {
          throw new IllegalArgumentException("'" + snippet + "' is on lines " + (found + 1) + " and " + (i + 1));
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("'" + snippet + "' is on no line");
    }
    return found + 1;
  }
}
