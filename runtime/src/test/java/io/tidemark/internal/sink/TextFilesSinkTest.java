package io.tidemark.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.BatchTime;
import io.tidemark.testing.StreamingTestHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesSinkTest {

  @TempDir
  Path dir;

  private List<String> listing() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void writesADirectoryPerBatchWithAFilePerPartition() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(Duration.ofSeconds(1), 2)) {
      h.queueOf(List.of("a", "b", "c", "d"), List.of("e")).saveAsTextFiles(dir.resolve("out").toString(), "txt");
      h.runBatches(2);
    }
    assertThat(listing()).containsExactly("out-1000.txt/part-00000", "out-1000.txt/part-00001",
        "out-2000.txt/part-00000", "out-2000.txt/part-00001");
    assertThat(Files.readAllLines(dir.resolve("out-1000.txt/part-00000"))).containsExactly("a", "b");
    assertThat(Files.readAllLines(dir.resolve("out-1000.txt/part-00001"))).containsExactly("c", "d");
    assertThat(Files.readAllLines(dir.resolve("out-2000.txt/part-00001"))).containsExactly("e");
  }

  /** Writes a batch as an engine does: every partition, then the commit. */
  private static void write(TextFilesSink<String> sink, BatchTime time, List<List<String>> partitions)
      throws Exception {
    for (int p = 0; p < partitions.size(); p++) {
      sink.writePartition(time, p, partitions.get(p));
    }
    sink.commitBatch(time, partitions.size());
  }

  @Test
  void aRerunOfABatchReplacesItsOutput() throws Exception {
    TextFilesSink<String> sink = new TextFilesSink<>(dir.resolve("counts").toString(), "");
    BatchTime time = new BatchTime(5000);
    write(sink, time, List.of(List.of("x"), List.of("y"), List.of("z")));
    write(sink, time, List.of(List.of("new")));
    assertThat(listing()).containsExactly("counts-5000/part-00000");
    assertThat(Files.readAllLines(dir.resolve("counts-5000/part-00000"))).containsExactly("new");
    assertThat(sink.directoryOf(time)).isEqualTo(Path.of(dir.resolve("counts") + "-5000"));
  }

  @Test
  void partitionsACrashLeftUncommittedAreReplacedOrDroppedByTheRerun() throws Exception {
    TextFilesSink<String> sink = new TextFilesSink<>(dir.resolve("counts").toString(), "");
    BatchTime time = new BatchTime(5000);
    // a run at 3 partitions wrote two of them, then crashed before the commit: nothing is visible
    sink.writePartition(time, 0, List.of("old-0"));
    sink.writePartition(time, 2, List.of("old-2"));
    assertThat(listing()).noneMatch(file -> file.startsWith("counts-5000/"));
    // the restart runs at 2 partitions
    write(sink, time, List.of(List.of("a"), List.of("b")));
    assertThat(listing()).containsExactly("counts-5000/part-00000", "counts-5000/part-00001");
    assertThat(Files.readAllLines(dir.resolve("counts-5000/part-00000"))).containsExactly("a");
  }
}
