package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * One drilled run of {@link DrilledWordCount} on one working directory ({@code input/}, {@code output/},
 * {@code children.log}) and one checkpoint directory (by default {@code checkpoint/} there), its life spread over child JVMs that are killed, or halt
 * themselves at a {@link CrashPoint}, and restarted on the same checkpoint until a last child catches up
 * with all of the input and stops gracefully.
 */
final class CrashDrill implements AutoCloseable {

  /** How long a child may take to take up the checkpoint and catch up: generous, it is never measured. */
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Path input;
  private final Path output;
  private final String checkpoint;
  private final Path stopFile;
  private final Path log;
  private final Duration batchInterval;
  private final SeededInput data;
  private ChildJvm child;

  CrashDrill(Path work, SeededInput data) throws IOException {
    this(work, work.resolve("checkpoint").toString(), DrilledWordCount.LOCAL_BATCH, data);
  }

  /**
   * A drill checkpointing to {@code checkpoint}, a Hadoop URI (an empty directory) or a local path, with
   * batches of {@code batchInterval}.
   */
  CrashDrill(Path work, String checkpoint, Duration batchInterval, SeededInput data) throws IOException {
    deleteTree(work);
    this.input = Files.createDirectories(work.resolve("input"));
    this.output = Files.createDirectories(work.resolve("output"));
    this.checkpoint = checkpoint;
    this.batchInterval = batchInterval;
    this.stopFile = work.resolve("stop");
    this.log = work.resolve("children.log");
    this.data = data;
  }

  /** Starts a child on the checkpoint. */
  void start() throws IOException {
    start(Map.of());
  }

  /** Starts a child whose checkpoint I/O halts its JVM at {@code crashPoint}. */
  void start(CrashPoint crashPoint) throws IOException {
    Map<String, String> properties = new HashMap<>();
    crashPoint.configuration().forEach((key, value) -> properties.put("hadoop." + key, value));
    start(properties);
  }

  private void start(Map<String, String> properties) throws IOException {
    assertThat(child == null || !child.isAlive()).as("the previous child has ended").isTrue();
    Files.writeString(log, "--- child " + properties + "\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    child = ChildJvm.start(DrilledWordCount.class, properties, log, input.toString(), output.toString(),
        checkpoint, stopFile.toString(), Long.toString(batchInterval.toMillis()));
  }

  /**
   * Waits for the first metadata checkpoint: it records the directory source's start time, so files fed
   * from then on are taken after any restart (files older than a fresh start are ignored, as in Spark).
   */
  void awaitFirstCheckpoint() throws IOException, InterruptedException {
    org.apache.hadoop.fs.Path metadata = new org.apache.hadoop.fs.Path(checkpoint, "metadata/batch-*");
    FileSystem fs = metadata.getFileSystem(new Configuration());
    poll("a first metadata checkpoint in " + checkpoint, () -> {
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

  /** SIGKILLs the child, then lets its lock's lease run out so the next child may take the directory over. */
  void kill() throws InterruptedException {
    assertThat(child.kill()).as("exit status of a SIGKILLed child").isEqualTo(ChildJvm.SIGKILL_STATUS);
    awaitLockLease();
  }

  /** Waits for the child to halt itself at its crash point; it must not end otherwise. */
  void awaitCrash(CrashPoint crashPoint) throws InterruptedException {
    assertThat(child.awaitExit()).as("exit status of a child halted %s", crashPoint)
        .isEqualTo(CrashingLocalFileSystem.HALT_STATUS);
    awaitLockLease();
  }

  private static void awaitLockLease() throws InterruptedException {
    Thread.sleep(DrilledWordCount.LOCK_LEASE.toMillis());
  }

  /**
   * Feeds the rest of the input to the running child, waits until its totals cover all of it, then stops
   * it gracefully through the stop file; returns the output.
   */
  WordCountOutput finish() throws IOException, InterruptedException {
    feed(data.fileCount());
    WordCountOutput result = new WordCountOutput(output);
    Map<String, Long> expected = data.wordCounts();
    poll("totals of all input in " + output, () -> result.newestTotals().equals(expected));
    Files.createFile(stopFile);
    assertThat(child.awaitExit()).as("exit status of a gracefully stopped child").isZero();
    return result;
  }

  /** Kills a child left running by a failed drill, so it writes no more into the next run's directories. */
  @Override
  public void close() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.kill();
    }
  }

  private static void poll(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + CATCH_UP_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Deletes {@code root} and everything under it, if it exists: a directory a previous run left. */
  static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> tree = Files.walk(root)) {
        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
