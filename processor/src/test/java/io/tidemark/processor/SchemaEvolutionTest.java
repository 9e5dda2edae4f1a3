package io.tidemark.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.schema.Compatibility;
import io.tidemark.schema.Decoder;
import io.tidemark.schema.Encoder;
import io.tidemark.schema.Serializer;
import io.tidemark.schema.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * State written by the generated serializer of version 1 of a type and read by version 2's, each
 * compiled (and loaded) on its own: every evolution the compatibility rules allow.
 */
class SchemaEvolutionTest {

  private static final String PIPELINE = """
      @Pipeline(name = "p", batchInterval = "1s", checkpointInterval = "10s")
      public class P {
        @Source(id = "lines")
        SourceSpec<String> lines(PipelineConfig conf) { return Sources.queue(List.of()); }
        @Transform(id = "pairs", from = "lines")
        KV<String, Long> one(String line) { return KV.of(line, 1L); }
        @State(id = "stats", from = "pairs")
        Stats update(List<Long> values, Stats previous) { return previous; }
        @Sink(id = "out", from = "stats")
        void out(BatchTime time, List<KV<String, Stats>> batch) {}
      }
      """;

  private static final CompiledPipeline V1 = CompiledPipeline.compile(PipelineSource.of("P", PIPELINE + """
      record Stats(long total, int count, String obsolete, Color color, List<Tag> tags, Optional<String> note,
          Map<String, Integer> histogram, Counter counter) {}
      record Tag(String name) {}
      enum Color { RED, GREEN }
      class Counter {
        private long hits;
        String label;
        public Counter() {}
        public long getHits() { return hits; }
        public void setHits(long hits) { this.hits = hits; }
        public String toString() { return label + ":" + hits; }
      }
      """).file());

  private static final CompiledPipeline V2 = CompiledPipeline.compile(PipelineSource.of("P", PIPELINE + """
      record Stats(@Alias("total") long sum, long count, @Default("7") long added, Color color, List<Tag> tags,
          Optional<String> note, Map<String, Integer> histogram, Counter counter, @Default("BLUE") Color shade) {}
      record Tag(String name, @Default("none") String source) {}
      enum Color { RED, GREEN, BLUE }
      class Counter {
        private long hits;
        String label;
        @Default("1.5") double weight;
        public Counter() {}
        public long getHits() { return hits; }
        public void setHits(long hits) { this.hits = hits; }
        public String toString() { return label + ":" + hits + ":" + weight; }
      }
      """).file());

  @Test
  void readsItsOwnDataOnTheFastPath() throws Exception {
    Object stats = v1Stats();
    assertThat(serializer(V1).read(Decoder.of(bytes(stats)))).hasToString(stats.toString());
  }

  @Test
  void readsVersionOneAsVersionTwo() throws Exception {
    Serializer<Object> v1 = serializer(V1);
    Object read = serializer(V2).read(Decoder.of(bytes(v1Stats())), v1.schema());
    assertThat(read).hasToString("Stats[sum=5, count=3, added=7, color=GREEN, tags=[Tag[name=x, source=none]], "
        + "note=Optional[hello], histogram={h=2}, counter=c:4:1.5, shade=BLUE]");
  }

  @Test
  void readsARemovedEnumSymbolAsTheDefaultSymbol() throws Exception {
    CompiledPipeline before = withStats("record Stats(Level level) {}\nenum Level { LOW, MEDIUM, HIGH }\n");
    CompiledPipeline after = withStats("record Stats(Level level) {}\nenum Level { @DefaultSymbol UNKNOWN, LOW, HIGH }\n");
    Serializer<Object> writer = serializer(before);
    Object medium = construct(before.load("test.Stats"), levelOf(before, "MEDIUM"));
    Encoder out = new Encoder();
    writer.write(out, medium);

    assertThat(serializer(after).read(Decoder.of(out.toByteArray()), writer.schema()))
        .hasToString("Stats[level=UNKNOWN]");
    assertThat(Compatibility.check("stats", writer.schema(), serializer(after).schema()).verdict())
        .isEqualTo(Verdict.AFTER_MIGRATION);
  }

  @Test
  void removingAnEnumSymbolWithoutDefaultIsIncompatible() {
    CompiledPipeline before = withStats("record Stats(Level level) {}\nenum Level { LOW, MEDIUM, HIGH }\n");
    CompiledPipeline after = withStats("record Stats(Level level) {}\nenum Level { LOW, HIGH }\n");
    assertThat(Compatibility.check("stats", serializer(before).schema(), serializer(after).schema()).verdict())
        .isEqualTo(Verdict.INCOMPATIBLE);
  }

  @Test
  void versionTagsDiffer() {
    assertThat(serializer(V1).fingerprint()).isNotEqualTo(serializer(V2).fingerprint());
  }

  private static CompiledPipeline withStats(String types) {
    return CompiledPipeline.compile(PipelineSource.of("P", PIPELINE + types).file());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object levelOf(CompiledPipeline version, String symbol) {
    return Enum.valueOf((Class<Enum>) version.load("test.Level"), symbol);
  }

  private static byte[] bytes(Object stats) {
    Encoder out = new Encoder();
    serializer(V1).write(out, stats);
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static Serializer<Object> serializer(CompiledPipeline version) {
    return (Serializer<Object>) CompiledPipeline.staticField(version.load("test.PSerializers$StatsSerializer"),
        "INSTANCE");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object v1Stats() throws Exception {
    Class<?> stats = V1.load("test.Stats");
    Class<?> tag = V1.load("test.Tag");
    Class<Enum> color = (Class<Enum>) V1.load("test.Color");
    Class<?> counterClass = V1.load("test.Counter");
    var counterConstructor = counterClass.getConstructor();
    counterConstructor.setAccessible(true);
    Object counter = counterConstructor.newInstance();
    var setHits = counterClass.getMethod("setHits", long.class);
    setHits.setAccessible(true);
    setHits.invoke(counter, 4L);
    var label = counterClass.getDeclaredField("label");
    label.setAccessible(true);
    label.set(counter, "c");
    return construct(stats, 5L, 3, "gone", Enum.valueOf(color, "GREEN"), List.of(construct(tag, "x")),
        Optional.of("hello"), Map.of("h", 2), counter);
  }

  /** A new record of a package-private type compiled in the test, through its canonical constructor. */
  private static Object construct(Class<?> record, Object... components) throws Exception {
    var constructor = record.getDeclaredConstructors()[0];
    constructor.setAccessible(true);
    return constructor.newInstance(components);
  }
}
