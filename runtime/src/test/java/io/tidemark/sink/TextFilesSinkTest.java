package io.tidemark.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.engine.PartitionedBatch;
import io.tidemark.stream.BatchTime;
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

  @Test
  void aRerunOfABatchReplacesItsOutput() throws Exception {
    TextFilesSink<String> sink = new TextFilesSink<>(dir.resolve("counts").toString(), "");
    BatchTime time = new BatchTime(5000);
    sink.write(time, PartitionedBatch.split(List.of("x", "y", "z"), 3));
    sink.write(time, PartitionedBatch.split(List.of("new"), 1));
    assertThat(listing()).containsExactly("counts-5000/part-00000");
    assertThat(Files.readAllLines(dir.resolve("counts-5000/part-00000"))).containsExactly("new");
    assertThat(sink.directoryOf(time)).isEqualTo(Path.of(dir.resolve("counts") + "-5000"));
  }
}
