package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One drilled run of a pipeline whose life is spread over child JVMs on one checkpoint: each child is
 * SIGKILLed, or halts itself at a {@link CrashPoint}, and the next one takes the checkpoint up, until a
 * last child is stopped gracefully through a stop file ({@link DrillChild#runUntilStopFile}). The work
 * directory holds the stop file and {@code children.log}, the children's output one after another.
 */
class CrashDrill implements AutoCloseable {

  /** How long a child may take to take up the checkpoint and catch up: generous, it is never measured. */
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Class<?> main;
  private final List<String> args;
  private final Path stopFile;
  private final Path log;
  private ChildJvm child;
  private int children;

  /** A drill in a fresh {@code work} directory of children running {@code main} with {@code args}. */
  CrashDrill(Path work, Class<?> main, List<String> args) throws IOException {
    deleteTree(work);
    Files.createDirectories(work);
    this.main = main;
    this.args = List.copyOf(args);
    this.stopFile = work.resolve("stop");
    this.log = work.resolve("children.log");
  }

  /** Starts a child on the checkpoint; returns its pid. */
  long start() throws IOException {
    return start(Map.of());
  }

  /** Starts a child whose checkpoint I/O halts its JVM at {@code crashPoint}. */
  void start(CrashPoint crashPoint) throws IOException {
    Map<String, String> properties = new HashMap<>();
    crashPoint.configuration().forEach((key, value) -> properties.put(DrillChild.HADOOP_PROPERTY_PREFIX + key, value));
    start(properties);
  }

  private long start(Map<String, String> properties) throws IOException {
    assertThat(child == null || !child.isAlive()).as("the previous child has ended").isTrue();
    Files.writeString(log, "--- child " + children++ + " " + properties + "\n", StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Map<String, String> all = new HashMap<>(properties);
    all.put(DrillChild.STOP_FILE_PROPERTY, stopFile.toString());
    child = ChildJvm.start(main, all, log, args.toArray(String[]::new));
    return child.pid();
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
    Thread.sleep(DrillChild.LOCK_LEASE.toMillis());
  }

  /** Stops the child gracefully through the stop file; it must exit 0. */
  void stopGracefully() throws IOException, InterruptedException {
    Files.createFile(stopFile);
    assertThat(child.awaitExit()).as("exit status of a gracefully stopped child").isZero();
  }

  /** Kills a child left running by a failed drill, so it writes no more into the next run's directories. */
  @Override
  public void close() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.kill();
    }
  }

  /**
   * Waits until {@code condition} holds while the child runs, for at most the catch-up timeout; fails at
   * once if the child ends (a failed batch, a refused checkpoint: its log says which).
   */
  void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (!child.isAlive()) {
        throw new AssertionError("the child ended with status " + child.awaitExit() + " before " + what + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + CATCH_UP_TIMEOUT.toSeconds() + " s; see " + log);
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
