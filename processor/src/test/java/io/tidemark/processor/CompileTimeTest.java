package io.tidemark.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) what the processor adds to compiling a pipeline of 50 stages with 20 state
 * types: the median of several compilations with and without it, after a warm-up. The figure goes to
 * standard output and {@code target/compile-time.txt}.
 */
class CompileTimeTest {

  private static final int STATE_TYPES = 20;
  private static final int MAPS = 8;
  private static final int WARM_UP = 5;
  private static final int RUNS = 9;

  @Test
  void measureProcessorOverhead() throws IOException {
    JavaFileObject source = JavaFileObjects.forSourceString("test.Big", bigPipeline());
    Supplier<Compilation> plain = () -> javac().withOptions("-proc:none").compile(source);
    Supplier<Compilation> processed = () -> javac().withProcessors(new PipelineProcessor()).compile(source);
    for (int i = 0; i < WARM_UP; i++) {
      check(plain.get());
      check(processed.get());
    }
    double without = medianMillis(plain);
    double with = medianMillis(processed);
    String report = String.format("50 stages, %d state types: javac %.0f ms, javac + processor %.0f ms, ratio %.2f%n",
        STATE_TYPES, without, with, with / without);
    System.out.print(report);
    Files.writeString(Path.of("target/compile-time.txt"), report);
  }

  private static void check(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError(compilation.errors());
    }
  }

  private static double medianMillis(Supplier<Compilation> compile) {
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      check(compile.get());
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }

  /** A source, {@value #MAPS} maps, and per state type a keyed transform and a state: 50 stages with the sink. */
  private static String bigPipeline() {
    StringBuilder source = new StringBuilder("""
        package test;
        import io.tidemark.annotation.*;
        import io.tidemark.annotation.State;
        import io.tidemark.stream.*;
        import java.util.*;
        @Pipeline(name = "big", batchInterval = "1s", checkpointInterval = "10s")
        public class Big {
          @Source(id = "lines")
          SourceSpec<String> lines(PipelineConfig conf) { return Sources.queue(List.of()); }
        """);
    String previous = "lines";
    for (int i = 0; i < MAPS; i++) {
      source.append(String.format("""
            @Transform(id = "map%d", from = "%s")
            String map%d(String line) { return line.trim(); }
          """, i, previous, i));
      previous = "map" + i;
    }
    for (int i = 0; i < STATE_TYPES; i++) {
      source.append(String.format("""
            @Transform(id = "pairs%d", from = "%s")
            KV<String, Long> pairs%d(String line) { return KV.of(line, 1L); }
            @State(id = "state%d", from = "pairs%d")
            State%d update%d(List<Long> values, State%d previous) { return previous; }
          """, i, previous, i, i, i, i, i, i));
    }
    source.append("""
          @Sink(id = "out", from = "state0")
          void out(BatchTime time, List<KV<String, State0>> batch) {}
        }
        """);
    for (int i = 0; i < STATE_TYPES; i++) {
      source.append(String.format("record State%d(long total, @Default(\"0\") int count, String name, "
          + "List<String> tags, Optional<Double> score, Map<String, Long> histogram) {}%n", i));
    }
    return source.toString();
  }
}
