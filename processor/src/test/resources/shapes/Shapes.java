package test;

import io.tidemark.annotation.Pipeline;
import io.tidemark.annotation.Sink;
import io.tidemark.annotation.Source;
import io.tidemark.annotation.State;
import io.tidemark.annotation.Transform;
import io.tidemark.annotation.Window;
import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.stream.DStream;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.SinkSpec;
import io.tidemark.stream.Sinks;
import io.tidemark.stream.SourceSpec;
import io.tidemark.stream.Sources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One stage of every generated shape besides the word count's: map, Optional flatMap, filter, joins,
 * union and transform over streams, mapWithState with a timeout, updateStateByKey told the key, a
 * recomputed window, an incremental one with a keep method, and the built-in sinks. Reads queues the
 * test fills; batch sinks log to {@link #OUTPUT}.
 */
@Pipeline(name = "shapes", batchInterval = "1s", checkpointInterval = "10s")
public class Shapes {

  public static final Queue<List<String>> READINGS = new ConcurrentLinkedQueue<>();
  public static final Queue<List<String>> NAMES = new ConcurrentLinkedQueue<>();
  public static final List<String> OUTPUT = new CopyOnWriteArrayList<>();

  public record Reading(String sensor, int value) {}

  @Source(id = "readings")
  SourceSpec<String> readings(PipelineConfig conf) {
    return Sources.queue(READINGS);
  }

  @Source(id = "names")
  static SourceSpec<String> names() {
    return Sources.queue(NAMES);
  }

  @Transform(id = "upper", from = "readings")                     // map
  String upper(String line) {
    return line.trim().toUpperCase(Locale.ROOT);
  }

  @Transform(id = "nonEmpty", from = "upper")                     // filter
  boolean nonEmpty(String line) {
    return !line.isEmpty();
  }

  @Transform(id = "parsed", from = "nonEmpty")                    // Optional<R>: zero or one element
  Optional<Reading> parse(String line) {
    if (line.isEmpty()) {
      throw new IllegalArgumentException("the filter before lets no empty line through");
    }
    String[] parts = line.split(" ");
    return parts.length == 2 ? Optional.of(new Reading(parts[0], Integer.parseInt(parts[1]))) : Optional.empty();
  }

  @Transform(id = "values", from = "parsed")
  KV<String, Integer> value(Reading reading) {
    return KV.of(reading.sensor(), reading.value());
  }

  @Transform(id = "labels", from = "names")
  KV<String, String> label(String line) {
    String[] parts = line.split(" ");
    return KV.of(parts[0], parts[1]);
  }

  @Transform(id = "joined", from = {"values", "labels"})
  PairDStream<String, KV<Integer, String>> join(PairDStream<String, Integer> values,
      PairDStream<String, String> labels) {
    return values.join(labels);
  }

  @Transform(id = "leftJoined", from = {"values", "labels"})
  PairDStream<String, KV<Integer, Optional<String>>> leftJoin(PairDStream<String, Integer> values,
      PairDStream<String, String> labels) {
    return values.leftOuterJoin(labels);
  }

  @Transform(id = "everything", from = {"upper", "names"})
  DStream<String> union(DStream<String> readings, DStream<String> names) {
    return readings.union(names);
  }

  @Transform(id = "sortedBatches", from = "everything")
  DStream<String> sortEachBatch(DStream<String> lines) {
    return lines.transform((time, batch) -> sorted(batch));
  }

  @State(id = "sums", from = "values", timeout = "2s")               // mapWithState
  String track(String sensor, Optional<Integer> value, io.tidemark.function.State<Long> sum) {
    if (sum.isTimingOut()) {
      return sensor + " idle at " + sum.get();
    }
    long total = sum.getOption().orElse(0L) + value.orElseThrow();
    sum.update(total);
    return sensor + "=" + total;
  }

  @State(id = "firstSeen", from = "values")                      // updateStateByKey told the key
  String firstSeen(String sensor, List<Integer> values, String previous) {
    if (sensor.equals("B")) {
      return null;
    }
    return previous != null ? previous : sensor + " first " + values.get(0);
  }

  @Window(id = "recent", from = "values", length = "2s", slide = "1s")  // recomputed each slide
  int add(int a, int b) {
    return a + b;
  }

  @Window(id = "incremental", from = "values", length = "2s", slide = "1s", inverse = "subtract", keep = "counted")
  int plus(int a, int b) {
    return a + b;
  }

  int subtract(int a, int b) {
    return a - b;
  }

  /** Drops a key once all its values have left the window, as the recomputed window never shows it. */
  boolean counted(KV<String, Integer> sum) {
    return sum.value() != 0;
  }

  @Sink(id = "joinedOut", from = "joined")
  void joined(BatchTime time, List<KV<String, KV<Integer, String>>> batch) {
    log("joined", time, batch);
  }

  @Sink(id = "leftJoinedOut", from = "leftJoined")
  void leftJoined(BatchTime time, List<KV<String, KV<Integer, Optional<String>>>> batch) {
    log("leftJoined", time, batch);
  }

  @Sink(id = "sumsOut", from = "sums")
  void sums(BatchTime time, List<String> batch) {
    log("sums", time, batch);
  }

  @Sink(id = "firstSeenOut", from = "firstSeen")
  void firstSeen(BatchTime time, List<KV<String, String>> batch) {
    log("firstSeen", time, batch);
  }

  @Sink(id = "recentOut", from = "recent")
  void recent(BatchTime time, List<KV<String, Integer>> batch) {
    log("recent", time, batch);
  }

  @Sink(id = "incrementalOut", from = "incremental")
  void incremental(BatchTime time, List<KV<String, Integer>> batch) {
    log("incremental", time, batch);
  }

  @Sink(id = "files", from = "sortedBatches")
  SinkSpec<String> files(PipelineConfig conf) {
    return Sinks.textFiles(conf.get("out", "target/shapes"));
  }

  @Sink(id = "console", from = "sortedBatches")
  SinkSpec<String> console() {
    return Sinks.print();
  }

  private static void log(String stage, BatchTime time, List<?> batch) {
    List<String> texts = new ArrayList<>();
    batch.forEach(element -> texts.add(element.toString()));
    OUTPUT.add(stage + "@" + time.milliseconds() + " " + sorted(texts));
  }

  private static List<String> sorted(List<String> texts) {
    List<String> copy = new ArrayList<>(texts);
    copy.sort(Comparator.naturalOrder());
    return copy;
  }
}
