package io.tidemark.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) what the processor adds to compiling a pipeline of 50 stages whose 20 state
 * types live in files of their own, as a user has them: {@value #RUNS} compilations with and without it in
 * this JVM after {@value #WARM_UP} warm-up rounds, the two interleaved so that a machine busy with
 * something else slows both alike; the medians of wall time and of the compiling thread's CPU time (which
 * a busy machine disturbs far less), and how much of the difference is the processor's own work (the rest
 * is javac compiling what it generated, and the rounds it takes). javac needs about 40 compilations to
 * reach its steady speed. The figures go to standard output and {@code target/compile-time.txt}.
 */
class CompileTimeTest {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int STATE_TYPES = 20;
  private static final int MAPS = 8;
  private static final int WARM_UP = 40;
  private static final int RUNS = 41;

  @Test
  void measureProcessorOverhead() throws IOException {
    List<JavaFileObject> sources = sources();
    TimedProcessor timed = new TimedProcessor();
    Supplier<Compilation> plain = () -> javac().withOptions("-proc:none").compile(sources);
    Supplier<Compilation> processed = () -> javac().withProcessors(timed).compile(sources);
    for (int i = 0; i < WARM_UP; i++) {
      time(plain);
      time(processed);
    }
    timed.reset();
    Times without = new Times();
    Times with = new Times();
    for (int i = 0; i < RUNS; i++) {
      // alternating which goes first, so neither always runs right after the other's garbage
      if (i % 2 == 0) {
        without.add(time(plain));
        with.add(time(processed));
      } else {
        with.add(time(processed));
        without.add(time(plain));
      }
    }
    String report = String.format("50 stages, %d state types in %d files, median of %d interleaved runs after %d"
            + " warm-up rounds: javac %.0f ms, javac + processor %.0f ms, ratio %.2f (thread CPU time: %.0f ms,"
            + " %.0f ms, ratio %.2f); the processor's own work: %.1f ms per compilation%n", STATE_TYPES,
        sources.size(), RUNS, WARM_UP, without.median(Time::wallMillis), with.median(Time::wallMillis),
        with.median(Time::wallMillis) / without.median(Time::wallMillis), without.median(Time::cpuMillis),
        with.median(Time::cpuMillis), with.median(Time::cpuMillis) / without.median(Time::cpuMillis),
        timed.millis() / RUNS);
    System.out.print(report);
    Files.writeString(Path.of("target/compile-time.txt"), report);
  }

  /** Compiles, failing on any error. */
  private static Time time(Supplier<Compilation> compile) {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    Compilation compilation = compile.get();
    Time time = new Time((System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError(compilation.errors());
    }
    return time;
  }

  /** How long one compilation took, and how much CPU time its thread (javac runs on the caller's) used. */
  private record Time(double wallMillis, double cpuMillis) {}

  /** The measured compilations of one kind. */
  private static final class Times {
    private final List<Time> times = new ArrayList<>();

    void add(Time time) {
      times.add(time);
    }

    double median(ToDoubleFunction<Time> millis) {
      double[] sorted = times.stream().mapToDouble(millis).sorted().toArray();
      return sorted[sorted.length / 2];
    }
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
        import io.tidemark.function.*;
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
