package io.tidemark.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Maven that runs this build, run as a user runs it on a project, against a repository holding this
 * build's artifacts (invoker:install) and mirroring the main local repository for the rest (the plugin
 * ITs' settings.xml).
 */
final class Maven {

  /** What one invocation printed and how it exited. */
  record Result(int exitCode, String output) {

    List<String> lines() {
      return output.lines().toList();
    }
  }

  private static final long TIMEOUT_MINUTES = 5;

  private final Path executable;
  private final Path settings;
  private final Path localRepository;
  private final Path logs;

  private Maven(Path executable, Path settings, Path localRepository, Path logs) {
    this.executable = executable;
    this.settings = settings;
    this.localRepository = localRepository;
    this.logs = logs;
  }

  /**
   * The Maven and repositories the build passed in system properties; its settings and the logs of its runs
   * go to {@code work}.
   */
  static Maven fromBuild(Path work) throws IOException {
    Path home = Path.of(required("maven.home"));
    String mainRepository = Path.of(required("drill.mainRepository")).toUri().toString();
    String template = Files.readString(Path.of(required("drill.settingsTemplate")));
    Path settings = Files.writeString(work.resolve("settings.xml"),
        template.replace("@localRepositoryUrl@", mainRepository));
    return new Maven(home.resolve("bin").resolve("mvn"), settings, Path.of(required("drill.localRepository")),
        Files.createDirectories(work.resolve("logs")));
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("System property " + property + " is not set: run the drill through Maven"
          + " (./mvnw verify -pl it -am)");
    }
    return value;
  }

  /** Runs {@code mvn -B <arguments>} in {@code directory}; its output is also kept in {@code logs/<log>.log}. */
  Result run(Path directory, String log, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable.toString(), "-B", "-s", settings.toString(),
        "-Dmaven.repo.local=" + localRepository));
    command.addAll(List.of(arguments));
    Path logFile = logs.resolve(log + ".log");
    Process process = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("mvn " + String.join(" ", arguments) + " did not finish in "
          + TIMEOUT_MINUTES + " minutes; see " + logFile);
    }
    return new Result(process.exitValue(), Files.readString(logFile));
  }
}
