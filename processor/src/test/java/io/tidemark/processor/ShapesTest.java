package io.tidemark.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.StageDescriptor;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stage shape the word count does not use ({@code shapes/Shapes.java}), compiled with the
 * processor and run for five batches on a manual clock: map, filter, {@code Optional} flatMap, join,
 * left outer join, union and transform over streams, mapWithState with a timeout, updateStateByKey told
 * the key, a recomputed window, an incremental window with a keep method, and the text-file and print
 * sinks.
 */
class ShapesTest {

  private static final CompiledPipeline SHAPES =
      CompiledPipeline.compile(JavaFileObjects.forResource("shapes/Shapes.java"));

  @TempDir
  static Path out;
  private static List<String> logged;
  private static String printed;

  @BeforeAll
  static void runFiveBatches() throws Exception {
    Class<?> shapes = SHAPES.load("test.Shapes");
    queue(shapes, "READINGS").addAll(List.of(List.of(" a 1", "b 2", "noise", ""), List.of("a 3", "c 4")));
    queue(shapes, "NAMES").addAll(List.of(List.of("A alpha", "C gamma"), List.of("C gamma")));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream standardOut = System.out;
    ManualClock clock = new ManualClock();
    // print() binds to System.out when the context is built
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      StreamingContext context = SHAPES.createContext("test.ShapesContext",
          SHAPES.builder("test.ShapesContext").clock(clock).parallelism(1),
          PipelineConfig.of(Map.of("out", out.resolve("lines").toString())));
      try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
        harness.runBatches(5);
      }
    } finally {
      System.setOut(standardOut);
    }
    @SuppressWarnings("unchecked")
    List<String> output = (List<String>) CompiledPipeline.staticField(shapes, "OUTPUT");
    logged = output;
    printed = console.toString(StandardCharsets.UTF_8);
  }

  @Test
  void joinsKeyedStreamsBatchByBatch() {
    assertThat(logged).filteredOn(line -> line.startsWith("joined@") || line.startsWith("leftJoined@"))
        .containsExactly(
            "joined@1000 [(A,(1,alpha))]",
            "leftJoined@1000 [(A,(1,Optional[alpha])), (B,(2,Optional.empty))]",
            "joined@2000 [(C,(4,gamma))]",
            "leftJoined@2000 [(A,(3,Optional.empty)), (C,(4,Optional[gamma]))]",
            "joined@3000 []", "leftJoined@3000 []",
            "joined@4000 []", "leftJoined@4000 []",
            "joined@5000 []", "leftJoined@5000 []");
  }

  /** B was last seen at 1s, A and C at 2s: each times out once idle for more than 2s. */
  @Test
  void mapsWithStateUntilKeysTimeOut() {
    assertThat(logged).filteredOn(line -> line.startsWith("sums@")).containsExactly(
        "sums@1000 [A=1, B=2]",
        "sums@2000 [A=4, C=4]",
        "sums@3000 []",
        "sums@4000 [B idle at 2]",
        "sums@5000 [A idle at 4, C idle at 4]");
  }

  /** The update is told the key: it never keeps B, and keeps what it first saw of the others. */
  @Test
  void updatesStateToldTheKey() {
    assertThat(logged).filteredOn(line -> line.startsWith("firstSeen@")).containsExactly(
        "firstSeen@1000 [(A,A first 1)]",
        "firstSeen@2000 [(A,A first 1), (C,C first 4)]",
        "firstSeen@3000 [(A,A first 1), (C,C first 4)]",
        "firstSeen@4000 [(A,A first 1), (C,C first 4)]",
        "firstSeen@5000 [(A,A first 1), (C,C first 4)]");
  }

  @Test
  void recomputesTheWindowOfTheLastTwoBatches() {
    assertThat(logged).filteredOn(line -> line.startsWith("recent@")).containsExactly(
        "recent@1000 [(A,1), (B,2)]",
        "recent@2000 [(A,4), (B,2), (C,4)]",
        "recent@3000 [(A,3), (C,4)]",
        "recent@4000 []",
        "recent@5000 []");
  }

  /** The keep method drops keys whose values all left the window: the same as recomputing it. */
  @Test
  void dropsKeysAnIncrementalWindowNoLongerCounts() {
    assertThat(logged).filteredOn(line -> line.startsWith("incremental@")).containsExactly(
        "incremental@1000 [(A,1), (B,2)]",
        "incremental@2000 [(A,4), (B,2), (C,4)]",
        "incremental@3000 [(A,3), (C,4)]",
        "incremental@4000 []",
        "incremental@5000 []");
  }

  /** The union of the mapped readings (empty line included: the filter comes after) and the names, sorted. */
  @Test
  void writesEachBatchOfTheUnionToTextFiles() throws IOException {
    try (var directories = Files.list(out)) {
      assertThat(directories.map(directory -> directory.getFileName().toString()).sorted())
          .containsExactly("lines-1000", "lines-2000", "lines-3000", "lines-4000", "lines-5000");
    }
    assertThat(Files.readAllLines(out.resolve("lines-1000/part-00000")))
        .containsExactly("", "A 1", "A alpha", "B 2", "C gamma", "NOISE");
    assertThat(Files.readAllLines(out.resolve("lines-2000/part-00000"))).containsExactly("A 3", "C 4", "C gamma");
    assertThat(Files.readAllLines(out.resolve("lines-3000/part-00000"))).isEmpty();
  }

  @Test
  void printsEachBatch() {
    String rule = "-------------------------------------------\n";
    assertThat(printed).isEqualTo(
        rule + "Time: 1000 ms\n" + rule + "\nA 1\nA alpha\nB 2\nC gamma\nNOISE\n\n"
        + rule + "Time: 2000 ms\n" + rule + "A 3\nC 4\nC gamma\n\n"
        + rule + "Time: 3000 ms\n" + rule + "\n"
        + rule + "Time: 4000 ms\n" + rule + "\n"
        + rule + "Time: 5000 ms\n" + rule + "\n");
  }

  /**
   * The runtime sees the operations inside a stream-level transform (join, union, ...) and what the
   * sources read; every other stage, the recomputed window's two included, is described as written.
   */
  @Test
  void describesEveryStageButStreamTransformsAsTheRuntimeDoes() {
    PipelineDescriptor written = SHAPES.descriptor("shapes");
    PipelineDescriptor derived = SHAPES.createContext("test.ShapesContext",
        SHAPES.builder("test.ShapesContext").parallelism(1), PipelineConfig.empty()).descriptor();
    Set<String> streamTransforms = Set.of("joined", "leftJoined", "everything", "sortedBatches");

    assertThat(written.stages()).filteredOn(stage -> !stage.isSource() && !streamTransforms.contains(stage.id()))
        .hasSize(18).allSatisfy(stage -> assertThat(derived.stage(stage.id())).contains(stage));
    assertThat(derived.stage("joined")).map(StageDescriptor::kind).contains("join");
    assertThat(derived.stage("recent.window")).map(StageDescriptor::kind).contains("window");
  }

  @SuppressWarnings("unchecked")
  private static Queue<List<String>> queue(Class<?> shapes, String name) {
    return (Queue<List<String>>) CompiledPipeline.staticField(shapes, name);
  }
}
