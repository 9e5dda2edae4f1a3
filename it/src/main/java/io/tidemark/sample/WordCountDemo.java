package io.tidemark.sample;

import io.tidemark.schema.Serializers;
import io.tidemark.stream.BatchInfo;
import io.tidemark.stream.DStream;
import io.tidemark.stream.KV;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The sample pipeline of README's first command, on the embedded defaults: a windowed word count and a
 * running total per word over a directory of text files that this program seeds itself, one file per
 * second, writing one output directory per batch under {@code target/demo/output} and checkpointing to
 * {@code target/demo/checkpoint} on the local filesystem.
 */
public final class WordCountDemo {

  private static final Duration BATCH = Duration.ofSeconds(1);
  private static final List<String> TEXT = List.of(
      "the tide rises and the tide falls",
      "the twilight darkens the curlew calls",
      "along the sea sands damp and brown",
      "the traveller hastens toward the town",
      "and the tide rises the tide falls",
      "darkness settles on roofs and walls",
      "but the sea the sea in the darkness calls",
      "the little waves with their soft white hands",
      "efface the footprints in the sands",
      "and the tide rises the tide falls");

  private WordCountDemo() {}

  public static void main(String[] args) throws Exception {
    Path demo = Path.of(args.length > 0 ? args[0] : "target/demo");
    Path input = recreate(demo.resolve("input"));
    Path output = recreate(demo.resolve("output"));
    Path checkpoint = recreate(demo.resolve("checkpoint"));

    StreamingContext context = StreamingContext.getOrCreate(checkpoint.toString(), () -> {
      StreamingContext created = StreamingContext.builder(BATCH)
          .name("wordcount-demo")
          .checkpointInterval(Duration.ofSeconds(2))
          .build();
      DStream<String> lines = created.textFileStream(input);
      PairDStream<String, Long> ones = lines
          .flatMap(line -> Arrays.asList(line.toLowerCase(Locale.ROOT).split("\\W+")))
          .filter(word -> !word.isEmpty())
          .mapToPair(word -> KV.of(word, 1L));
      ones.reduceByKeyAndWindow("counts", Serializers.strings(), Serializers.longs(), Long::sum, (a, b) -> a - b,
              Duration.ofSeconds(3), BATCH, count -> count.value() > 0)
          .saveAsTextFiles(output.resolve("window-counts").toString());
      ones.updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
              (List<Long> counts, Optional<Long> total) ->
                  total.orElse(0L) + counts.stream().mapToLong(Long::longValue).sum())
          .saveAsTextFiles(output.resolve("totals").toString());
      return created;
    });

    int files = TEXT.size();
    CountDownLatch batchesToRun = new CountDownLatch(files + 3);
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        batchesToRun.countDown();
      }
    });
    context.start();
    for (int i = 0; i < files; i++) {
      Path tmp = input.resolve(".part-" + i + ".txt");
      Files.writeString(tmp, TEXT.get(i) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, input.resolve("part-" + i + ".txt"), StandardCopyOption.ATOMIC_MOVE);
      Thread.sleep(BATCH.toMillis());
    }
    batchesToRun.await();
    context.stop(true);

    Path lastTotals = newest(output, "totals");
    System.out.println();
    System.out.println("Tidemark demo: " + files + " input files in " + input.toAbsolutePath());
    System.out.println("  one directory per batch under " + output.toAbsolutePath());
    System.out.println("  checkpoint (metadata, versioned state) under " + checkpoint.toAbsolutePath());
    System.out.println("  running totals after the last batch (" + lastTotals.getFileName() + "), top 5:");
    try (Stream<Path> parts = Files.list(lastTotals)) {
      parts.filter(p -> p.getFileName().toString().startsWith("part-"))
          .flatMap(WordCountDemo::lines)
          .sorted(Comparator.comparingLong(WordCountDemo::count).reversed())
          .limit(5)
          .forEach(line -> System.out.println("    " + line));
    }
  }

  private static Path recreate(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> tree = Files.walk(dir)) {
        for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static Path newest(Path output, String prefix) throws IOException {
    try (Stream<Path> dirs = Files.list(output)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(prefix + "-"))
          .max(Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString().substring(prefix.length() + 1))))
          .orElseThrow(() -> new IllegalStateException("no " + prefix + " output under " + output));
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The count of a saved {@code (word,count)} line. */
  private static long count(String line) {
    return Long.parseLong(line.substring(line.lastIndexOf(',') + 1, line.length() - 1));
  }
}
