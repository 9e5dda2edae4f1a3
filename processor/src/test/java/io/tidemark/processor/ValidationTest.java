package io.tidemark.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Every compile-time error, with its exact message, file and line. */
class ValidationTest {

  private static final String HEADER = "@Pipeline(name = \"p\", batchInterval = \"1s\", checkpointInterval = \"10s\")\n";
  private static final String LINES = """
        @Source(id = "lines")
        SourceSpec<String> lines(PipelineConfig conf) { return Sources.queue(List.of()); }
      """;
  private static final String PAIRS = """
        @Transform(id = "pairs", from = "lines")
        KV<String, Long> one(String line) { return KV.of(line, 1L); }
      """;
  private static final String OUT = """
        @Sink(id = "out", from = "lines")
        void out(BatchTime time, List<String> batch) {}
      """;

  private static PipelineSource pipeline(String members) {
    return PipelineSource.of("P", HEADER + "public class P {\n" + members + "}\n");
  }

  private static PipelineSource pipeline(String members, String beside) {
    return PipelineSource.of("P", HEADER + "public class P {\n" + members + "}\n" + beside);
  }

  private static void assertError(PipelineSource source, String message, String snippet) {
    Compilation compilation = javac().withProcessors(new PipelineProcessor()).compile(source.file());
    assertThat(compilation).hadErrorContaining(message).inFile(source.file()).onLine(source.lineOf(snippet));
  }

  @Test
  void duplicateId() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "lines", from = "lines")
          String upper(String line) { return line; }
        """);
    assertError(source, "stage id 'lines' is already used by lines()", "@Transform(id = \"lines\"");
  }

  @Test
  void malformedId() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "2 words", from = "lines")
          String upper(String line) { return line; }
        """);
    assertError(source, "stage id '2 words' must match [A-Za-z][A-Za-z0-9_.-]*", "2 words");
  }

  @Test
  void formerIdAlreadyUsed() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "upper", from = "lines", formerly = "out")
          String upper(String line) { return line; }
        """);
    assertError(source, "former id 'out' of stage 'upper' is already an id or former id of stage 'out'",
        "formerly = \"out\"");
  }

  @Test
  void droppedStageStillPresent() {
    PipelineSource source = PipelineSource.of("P", """
        @Pipeline(name = "p", batchInterval = "1s", checkpointInterval = "10s",
            droppedStages = "lines")
        public class P {
        """ + LINES + OUT + "}\n");
    assertError(source, "stage 'lines' is declared dropped but is still a stage of this pipeline",
        "droppedStages = \"lines\"");
  }

  @Test
  void fromNamingNoStage() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "upper", from = "nowhere")
          String upper(String line) { return line; }
        """);
    assertError(source, "from 'nowhere' names no stage of this pipeline; its stages are [lines, out, upper]",
        "nowhere");
  }

  @Test
  void cycle() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "a", from = "b")
          String a(String line) { return line; }
          @Transform(id = "b", from = "a")
          String b(String line) { return line; }
        """);
    assertError(source, "stage 'a' is part of a cycle: a -> b -> a", "@Transform(id = \"a\"");
  }

  @Test
  void noSink() {
    PipelineSource source = pipeline(LINES);
    assertError(source, "pipeline P has no @Sink: no output would ever run its stages", "public class P");
  }

  @Test
  void typeMismatchBetweenStages() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "length", from = "lines")
          int length(Integer line) { return line; }
        """);
    assertError(source, "stage 'lines' produces String, but length() takes Integer", "length(Integer line)");
  }

  @Test
  void typeMismatchIntoSink() {
    PipelineSource source = pipeline(LINES + """
          @Sink(id = "out", from = "lines")
          void out(BatchTime time, List<Long> batch) {}
        """);
    assertError(source, "stage 'lines' produces List<String>, but out() takes List<Long>", "List<Long> batch");
  }

  @Test
  void windowOnUnkeyedStream() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Window(id = "w", from = "lines", length = "2s", slide = "1s")
          String concat(String a, String b) { return a + b; }
        """);
    assertError(source, "@Window needs a keyed input, but stage 'lines' produces DStream<String>: "
        + "key it with a @Transform returning KV<K, V>", "from = \"lines\", length");
  }

  @Test
  void windowLengthNotMultipleOfBatchInterval() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "2500ms", slide = "1s")
          long sum(long a, long b) { return a + b; }
        """);
    assertError(source, "window length 2500ms is not a multiple of the batch interval 1s", "2500ms");
  }

  @Test
  void windowSlideNotMultipleOfInputSlide() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "4s", slide = "2s")
          long sum(long a, long b) { return a + b; }
          @Window(id = "w2", from = "w", length = "6s", slide = "3s")
          long sum2(long a, long b) { return a + b; }
        """);
    assertError(source, "window slide 3s is not a multiple of the slide 2s of its input 'w'", "slide = \"3s\"");
  }

  @Test
  void inverseMissing() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "4s", slide = "2s", inverse = "minus")
          long sum(long a, long b) { return a + b; }
        """);
    assertError(source, "inverse method minus(V, V) not found in P", "inverse = \"minus\"");
  }

  @Test
  void keepMissing() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "4s", slide = "2s", inverse = "minus", keep = "nonZero")
          long sum(long a, long b) { return a + b; }
          long minus(long a, long b) { return a - b; }
        """);
    assertError(source, "keep method nonZero(KV<K, V>) or nonZero(V) not found in P", "keep = \"nonZero\"");
  }

  @Test
  void keepWithWrongShape() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "4s", slide = "2s", inverse = "minus", keep = "nonZero")
          long sum(long a, long b) { return a + b; }
          long minus(long a, long b) { return a - b; }
          long nonZero(long count) { return count; }
        """);
    assertError(source, "keep method nonZero() must have the shape boolean nonZero(KV<K, V>) or boolean "
        + "nonZero(V)", "long nonZero(long count)");
  }

  @Test
  void keepTakingAnotherPairType() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "4s", slide = "2s", inverse = "minus", keep = "nonZero")
          long sum(long a, long b) { return a + b; }
          long minus(long a, long b) { return a - b; }
          boolean nonZero(KV<String, Integer> count) { return count.value() != 0; }
        """);
    assertError(source, "stage 'pairs' produces KV<String, Long>, but nonZero() takes KV<String, Integer>",
        "KV<String, Integer> count");
  }

  @Test
  void keepWithoutInverse() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "4s", slide = "2s", keep = "nonZero")
          long sum(long a, long b) { return a + b; }
          boolean nonZero(long count) { return count != 0; }
        """);
    assertError(source, "keep needs an inverse: only a window maintained with one (sum) holds keys whose values "
        + "all left it", "keep = \"nonZero\"");
  }

  @Test
  void inverseWithWrongSignature() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "4s", slide = "2s", inverse = "minus")
          long sum(long a, long b) { return a + b; }
          int minus(int a, int b) { return a - b; }
        """);
    assertError(source, "inverse method minus() must have the reduce method's shape long minus(long, long)",
        "int minus(int a, int b)");
  }

  @Test
  void invalidDuration() {
    PipelineSource source = PipelineSource.of("P", """
        @Pipeline(name = "p", batchInterval = "1 sec", checkpointInterval = "10s")
        public class P {
        """ + LINES + OUT + "}\n");
    assertError(source, "batchInterval '1 sec' is not a duration: expected a whole number followed by a unit "
        + "ms, s, m, h or d (e.g. 500ms, 10s, 1h)", "1 sec");
  }

  @Test
  void zeroDuration() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "0s", slide = "1s")
          long sum(long a, long b) { return a + b; }
        """);
    assertError(source, "length '0s' must be longer than zero", "length = \"0s\"");
  }

  @Test
  void checkpointIntervalNotMultipleOfBatchInterval() {
    PipelineSource source = PipelineSource.of("P", """
        @Pipeline(name = "p", batchInterval = "2s", checkpointInterval = "5s")
        public class P {
        """ + LINES + OUT + "}\n");
    assertError(source, "checkpointInterval 5s is not a multiple of the batch interval 2s", "5s");
  }

  @Test
  void malformedPipelineName() {
    PipelineSource source = PipelineSource.of("P", """
        @Pipeline(name = "word count", batchInterval = "1s", checkpointInterval = "10s")
        public class P {
        """ + LINES + OUT + "}\n");
    assertError(source, "pipeline name 'word count' must match [A-Za-z][A-Za-z0-9_.-]*", "word count");
  }

  @Test
  void pipelineWithoutNoArgConstructor() {
    PipelineSource source = pipeline("  P(int x) {}\n" + LINES + OUT);
    assertError(source, "pipeline class P needs a non-private no-arg constructor: the generated context creates "
        + "an instance to call its stage methods on", "public class P");
  }

  @Test
  void privateStageMethod() {
    PipelineSource source = pipeline(LINES + """
          @Sink(id = "out", from = "lines")
          private void out(BatchTime time, List<String> batch) {}
        """);
    assertError(source, "stage method out() must not be private: the generated context of P calls it",
        "private void out");
  }

  @Test
  void twoStageAnnotations() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "a", from = "lines")
          @Sink(id = "b", from = "lines")
          String a(String line) { return line; }
        """);
    assertError(source, "a() is annotated with both @Transform and @Sink: a method is one stage",
        "@Sink(id = \"b\"");
  }

  @Test
  void sourceShape() {
    PipelineSource source = pipeline(OUT + """
          @Source(id = "lines")
          List<String> lines(PipelineConfig conf) { return List.of(); }
        """);
    assertError(source, "@Source method lines() must have the shape SourceSpec<T> f(PipelineConfig)",
        "List<String> lines(");
  }

  @Test
  void transformShape() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "t", from = "lines")
          String t(String a, String b) { return a; }
        """);
    assertError(source, "@Transform method t() must take one element (R f(T), Iterable<R> f(T), boolean f(T), "
        + "KV<K, V> f(T), Optional<R> f(T)) or only streams (DStream<R> f(DStream<A>, ...))", "String t(");
  }

  @Test
  void streamTransformWithWrongFromCount() {
    PipelineSource source = pipeline(LINES + OUT + """
          @Transform(id = "t", from = "lines")
          DStream<String> t(DStream<String> a, DStream<String> b) { return a.union(b); }
        """);
    assertError(source, "t() takes 2 input(s) but from names 1", "@Transform(id = \"t\"");
  }

  @Test
  void windowShape() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "2s", slide = "1s")
          long sum(long a) { return a; }
        """);
    assertError(source, "@Window method sum() must have the shape V f(V, V)", "long sum(long a)");
  }

  @Test
  void stateShape() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @State(id = "s", from = "pairs")
          long total(long a) { return a; }
        """);
    assertError(source, "@State method total() must have the shape S f(List<V> values, S previous), "
        + "S f(K key, List<V> values, S previous) or R f(K key, Optional<V> value, State<S> state)",
        "long total(");
  }

  @Test
  void stateUpdateTakingAnotherKeyType() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @State(id = "s", from = "pairs")
          long total(Integer key, List<Long> values, long previous) { return previous; }
        """);
    assertError(source, "stage 'pairs' produces String, but total() takes Integer", "Integer key");
  }

  @Test
  void timeoutOnPerBatchUpdate() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + """
          @State(id = "s", from = "pairs", timeout = "1h")
          Long total(List<Long> values, Long previous) { return previous; }
        """);
    assertError(source, "timeout needs the shape R total(K key, Optional<V> value, State<S> state): "
        + "an update per batch is never told that a key timed out", "timeout = \"1h\"");
  }

  @Test
  void sinkShape() {
    PipelineSource source = pipeline(LINES + """
          @Sink(id = "out", from = "lines")
          void out(List<String> batch) {}
        """);
    assertError(source, "@Sink method out() must have the shape void f(BatchTime, List<T>) or "
        + "SinkSpec<T> f(PipelineConfig)", "void out(");
  }

  private static final String STATE_OVER_PAIRS = """
        @State(id = "totals", from = "pairs")
        Stats total(List<Long> values, Stats previous) { return previous; }
      """;

  @Test
  void stateTypeWithoutConstructor() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "class Stats { Stats(long total) {} }\n");
    assertError(source, "Stats cannot be serialized into the checkpoint of stage 'totals' (state): it has no "
        + "non-private no-arg constructor to create it with", "Stats total(");
  }

  @Test
  void stateTypeWithObjectField() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "record Stats(long total, Object extra) {}\n");
    assertError(source, "Stats cannot be serialized into the checkpoint of stage 'totals' (state): its field "
        + "extra is declared as Object, which says nothing about what to write; declare a concrete type",
        "Stats total(");
  }

  @Test
  void recursiveStateType() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "record Stats(long total, List<Stats> children) {}\n");
    assertError(source, "Stats cannot be serialized into the checkpoint of stage 'totals' (state): it contains "
        + "itself through Stats.children, and recursive types cannot be versioned", "Stats total(");
  }

  @Test
  void unsupportedStateType() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "record Stats(long total, java.time.Instant last) {}\n");
    assertError(source, "Instant cannot be serialized into the checkpoint of stage 'totals' (state): supported "
        + "are primitives, String, byte[], enums, records, classes with a no-arg constructor, List, Set, Map, "
        + "Optional and KV", "Stats total(");
  }

  @Test
  void privateFieldWithoutAccessors() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "class Stats { private long total; }\n");
    assertError(source, "Stats cannot be serialized into the checkpoint of stage 'totals' (state): its field "
        + "total is private and has no non-private getter and setter", "Stats total(");
  }

  @Test
  void defaultNotParsingAsFieldType() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "record Stats(long total, @Default(\"many\") long max) {}\n");
    assertError(source, "@Default(\"many\") does not parse as long: not a number of that type", "\"many\"");
  }

  @Test
  void defaultOnUnsupportedFieldType() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "record Stats(long total, @Default(\"x\") List<String> tags) {}\n");
    assertError(source, "@Default is supported on primitive, String and enum fields (and Optional of them), "
        + "not on List<String>", "\"x\"");
  }

  @Test
  void defaultNotAnEnumConstant() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "record Stats(long total, @Default(\"BLUE\") Color color) {}\nenum Color { RED, GREEN }\n");
    assertError(source, "@Default(\"BLUE\") does not parse as Color: not a constant of Color [RED, GREEN]",
        "\"BLUE\"");
  }

  @Test
  void twoDefaultSymbols() {
    PipelineSource source = pipeline(LINES + PAIRS + OUT + STATE_OVER_PAIRS,
        "record Stats(long total, Level level) {}\nenum Level {\n  @DefaultSymbol UNKNOWN,\n  LOW,\n"
            + "  @DefaultSymbol NONE\n}\n");
    assertError(source, "enum Level declares both UNKNOWN and NONE as @DefaultSymbol: removed symbols can read as "
        + "only one of them", "@DefaultSymbol NONE");
  }

  @Test
  void warnsOfACheckpointIntervalBelowFiveSlidesOfAWindow() {
    PipelineSource source = PipelineSource.of("P", """
        @Pipeline(name = "p", batchInterval = "1s", checkpointInterval = "2s")
        public class P {
        """ + LINES + PAIRS + OUT + """
          @Window(id = "w", from = "pairs", length = "4s", slide = "1s", inverse = "minus")
          long sum(long a, long b) { return a + b; }
          long minus(long a, long b) { return a - b; }
        }
        """);
    Compilation compilation = javac().withProcessors(new PipelineProcessor()).compile(source.file());
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("checkpointInterval 2s is below 5 slides of window 'w' (5s): its "
        + "state would be written more often than it changes much; use 5 to 10 slides")
        .inFile(source.file()).onLine(source.lineOf("checkpointInterval = \"2s\""));
  }
}
