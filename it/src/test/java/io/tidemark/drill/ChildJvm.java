package io.tidemark.drill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} run in a child JVM on this JVM's classpath, its output appended to a log file. {@link
 * #kill()} is {@link Process#destroyForcibly()}, which on Linux sends SIGKILL (the JDK's {@code
 * ProcessHandleImpl.destroy0} calls {@code kill(pid, SIGKILL)} when forced): the child runs no shutdown
 * hook and no finally block, and its exit status is 137 (128 + 9).
 */
final class ChildJvm {

  /** The exit status of a process ended by SIGKILL. */
  static final int SIGKILL_STATUS = 128 + 9;
  private static final long EXIT_TIMEOUT_SECONDS = 60;

  private final Process process;

  private ChildJvm(Process process) {
    this.process = process;
  }

  /** Starts {@code java -cp <this classpath> [-D<property>=<value>...] <main> <args...>}. */
  static ChildJvm start(Class<?> main, Map<String, String> systemProperties, Path log, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
    systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new ChildJvm(process);
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILLs the child and waits for it to be gone; returns its exit status (137 unless it had ended). */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return awaitExit();
  }

  /** Waits for the child to end by itself (a minute at most), returns its exit status. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("child JVM " + process.pid() + " did not end within " + EXIT_TIMEOUT_SECONDS + " s");
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }
}
