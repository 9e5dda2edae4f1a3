package io.tidemark.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * A crash drill of {@link DrilledWordCount}: {@code input/} fed with a {@link SeededInput}, {@code
 * output/} in the work directory, the checkpoint there too ({@code checkpoint/}) or at a Hadoop URI.
 */
final class WordCountDrill extends CrashDrill {

  private final Path input;
  private final Path output;
  private final String checkpoint;
  private final SeededInput data;

  WordCountDrill(Path work, SeededInput data) throws IOException {
    this(work, work.resolve("checkpoint").toString(), DrilledWordCount.LOCAL_BATCH, data);
  }

  /**
   * A drill checkpointing to {@code checkpoint}, a Hadoop URI (an empty directory) or a local path, with
   * batches of {@code batchInterval}.
   */
  WordCountDrill(Path work, String checkpoint, Duration batchInterval, SeededInput data) throws IOException {
    super(work, DrilledWordCount.class, List.of(work.resolve("input").toString(), work.resolve("output").toString(),
        checkpoint, Long.toString(batchInterval.toMillis())));
    this.input = Files.createDirectories(work.resolve("input"));
    this.output = Files.createDirectories(work.resolve("output"));
    this.checkpoint = checkpoint;
    this.data = data;
  }

  /**
   * Waits for the first metadata checkpoint: it records the directory source's start time, so files fed
   * from then on are taken after any restart (files older than a fresh start are ignored, as in Spark).
   */
  void awaitFirstCheckpoint() throws IOException, InterruptedException {
    org.apache.hadoop.fs.Path metadata = new org.apache.hadoop.fs.Path(checkpoint, "metadata/batch-*");
    FileSystem fs = metadata.getFileSystem(new Configuration());
    await("a first metadata checkpoint in " + checkpoint, () -> {
      try {
        FileStatus[] files = fs.globStatus(metadata);
        return files != null && files.length > 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  void feed(int files) throws IOException {
    data.feed(input, files);
  }

  /**
   * Feeds the rest of the input to the running child, waits until its totals cover all of it, then stops
   * it gracefully; returns the output.
   */
  WordCountOutput finish() throws IOException, InterruptedException {
    feed(data.fileCount());
    WordCountOutput result = new WordCountOutput(output);
    Map<String, Long> expected = data.wordCounts();
    await("totals of all input in " + output, () -> result.newestTotals().equals(expected));
    stopGracefully();
    return result;
  }
}
