package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One drilled run of {@link DrilledWordCount} on one working directory ({@code input/}, {@code output/},
 * {@code checkpoint/}, {@code children.log}), its life spread over child JVMs that are killed, or halt
 * themselves at a {@link CrashPoint}, and restarted on the same checkpoint until a last child catches up
 * with all of the input and stops gracefully.
 */
final class CrashDrill implements AutoCloseable {

  /** How long a child may take to take up the checkpoint and catch up: generous, it is never measured. */
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Path input;
  private final Path output;
  private final Path checkpoint;
  private final Path stopFile;
  private final Path log;
  private final SeededInput data;
  private ChildJvm child;

  CrashDrill(Path work, SeededInput data) throws IOException {
    deleteTree(work);
    this.input = Files.createDirectories(work.resolve("input"));
    this.output = Files.createDirectories(work.resolve("output"));
    this.checkpoint = work.resolve("checkpoint");
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
        checkpoint.toString(), stopFile.toString());
  }

  /**
   * Waits for the first metadata checkpoint: it records the directory source's start time, so files fed
   * from then on are taken after any restart (files older than a fresh start are ignored, as in Spark).
   */
  void awaitFirstCheckpoint() throws InterruptedException {
    poll("a first metadata checkpoint in " + checkpoint, () -> {
      try (Stream<Path> files = Files.list(checkpoint.resolve("metadata"))) {
        return files.anyMatch(f -> f.getFileName().toString().startsWith("batch-"));
      } catch (IOException e) {
        return false; // not created yet
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

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> tree = Files.walk(root)) {
        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
