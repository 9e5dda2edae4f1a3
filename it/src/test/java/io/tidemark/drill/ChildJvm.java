package io.tidemark.drill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this module's test classpath in a child JVM, its output appended to a log file and
 * watched for a line saying it is ready; {@link #kill()} is SIGKILL. Close it in a finally
 * (try-with-resources): the child never outlives the test.
 */
final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final CountDownLatch ready = new CountDownLatch(1);

  private ChildJvm(Process process, Path log, String readyLine) {
    this.process = process;
    Thread copier = new Thread(() -> copy(log, readyLine), "child-output");
    copier.setDaemon(true);
    copier.start();
  }

  /** Starts {@code main}; {@link #awaitReady} waits for it to print {@code readyLine}. */
  static ChildJvm start(Class<?> main, Path log, String readyLine, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start(), log, readyLine);
  }

  private void copy(Path log, String readyLine) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      for (String line; (line = out.readLine()) != null; ) {
        file.write(line + System.lineSeparator());
        if (line.equals(readyLine)) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True once the child printed its ready line, false if it did not within {@code timeout}. */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as an OOM killer or a lost machine would, and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
