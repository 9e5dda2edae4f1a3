package io.tidemark.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) what the processor adds to compiling a pipeline of 50 stages whose 20 state
 * types live in files of their own, as a user has them: the median of {@value #RUNS} compilations with
 * and without it in this JVM after {@value #WARM_UP} warm-up rounds of each, and how much of the
 * difference is the processor's own work (the rest is javac compiling what it generated). The figures go
 * to standard output and {@code target/compile-time.txt}.
 */
class CompileTimeTest {

  private static final int STATE_TYPES = 20;
  private static final int MAPS = 8;
  private static final int WARM_UP = 8;
  private static final int RUNS = 11;

  @Test
  void measureProcessorOverhead() throws IOException {
    List<JavaFileObject> sources = sources();
    TimedProcessor timed = new TimedProcessor();
    Supplier<Compilation> plain = () -> javac().withOptions("-proc:none").compile(sources);
    Supplier<Compilation> processed = () -> javac().withProcessors(timed).compile(sources);
    for (int i = 0; i < WARM_UP; i++) {
      check(plain.get());
      check(processed.get());
    }
    double without = medianMillis(plain);
    timed.reset();
    double with = medianMillis(processed);
    String report = String.format("50 stages, %d state types in %d files: javac %.0f ms, javac + processor %.0f ms,"
            + " ratio %.2f (the processor's own work: %.1f ms per compilation)%n", STATE_TYPES, sources.size(),
        without, with, with / without, timed.millis() / RUNS);
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

  /** The pipeline, then each state type in its own file. */
  private static List<JavaFileObject> sources() {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(JavaFileObjects.forSourceString("test.Big", bigPipeline()));
    for (int i = 0; i < STATE_TYPES; i++) {
      sources.add(JavaFileObjects.forSourceString("test.State" + i, String.format("""
          package test;
          import io.tidemark.annotation.Default;
          import java.util.List;
          import java.util.Map;
          import java.util.Optional;
          public record State%d(long total, @Default("0") int count, String name, List<String> tags,
              Optional<Double> score, Map<String, Long> histogram) {}
          """, i)));
    }
    return sources;
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
    return source.append("""
          @Sink(id = "out", from = "state0")
          void out(BatchTime time, List<KV<String, State0>> batch) {}
        }
        """).toString();
  }

  /** The processor, timing its own work over every round of every compilation it takes part in. */
  private static final class TimedProcessor extends AbstractProcessor {
    private PipelineProcessor delegate;
    private long nanos;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      long start = System.nanoTime();
      delegate = new PipelineProcessor();
      delegate.init(env);
      nanos += System.nanoTime() - start;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return new PipelineProcessor().getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      boolean claimed = delegate.process(annotations, round);
      nanos += System.nanoTime() - start;
      return claimed;
    }

    void reset() {
      nanos = 0;
    }

    double millis() {
      return nanos / 1e6;
    }
  }
}
