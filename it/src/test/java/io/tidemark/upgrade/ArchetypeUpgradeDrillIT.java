package io.tidemark.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.internal.checkpoint.CheckpointStore;
import io.tidemark.internal.checkpoint.MetadataJson;
import io.tidemark.sample.Directories;
import io.tidemark.sample.Maven;
import io.tidemark.sample.TextFilesOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The path of a new user, with a real Maven, real JVMs and real files: generate a project from the archetype,
 * release it, run its pipeline jar and kill it mid-stream, upgrade it compatibly and take up the checkpoint,
 * then try an incompatible change, which the build and the launcher both refuse with the same finding.
 */
class ArchetypeUpgradeDrillIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String PACKAGE_PATH = "src/main/java/com/acme/clicks";
  private static final Pattern STATE = Pattern.compile("\\((.+),WordStats\\[total=(\\d+)[,\\]].*");

  /** Release 1.1: maxPerBatch widened from int to long, batches added with a default. */
  private static final String WORD_STATS_1_1 = """
      package com.acme.clicks;

      import io.tidemark.annotation.Default;

      public record WordStats(long total, @Default("0") long maxPerBatch, @Default("0") long batches) {

        static WordStats add(WordStats previous, long count) {
          if (previous == null) {
            return new WordStats(count, count, 1);
          }
          if (count == 0) {
            return previous;
          }
          return new WordStats(previous.total + count, Math.max(previous.maxPerBatch, count), previous.batches + 1);
        }
      }
      """;

  /** Release 1.2, incompatible: lastCount added without a default. */
  private static final String WORD_STATS_1_2 = """
      package com.acme.clicks;

      import io.tidemark.annotation.Default;

      public record WordStats(long total, @Default("0") long maxPerBatch, @Default("0") long batches, long lastCount) {

        static WordStats add(WordStats previous, long count) {
          if (previous == null) {
            return new WordStats(count, count, 1, count);
          }
          if (count == 0) {
            return previous;
          }
          return new WordStats(previous.total + count, Math.max(previous.maxPerBatch, count), previous.batches + 1,
              count);
        }
      }
      """;

  private static final String INCOMPATIBLE_FINDING = "ERROR totals.value.lastCount: field lastCount was added without"
      + " a default; old data has no value for it";
  private static final String FIX = "add @Default to lastCount, or make it Optional";

  private Path work;
  private Maven maven;
  private Path project;
  private Path checkpoint;
  private Path input;
  private Path output;
  private final List<String> fed = new ArrayList<>();
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopPipelines() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void generateReleaseCrashUpgradeAndRefuseAnIncompatibleChange() throws Exception {
    work = Files.createDirectories(Path.of(Maven.required("it.directory")).resolve("archetype-upgrade"));
    Directories.deleteTree(work);
    Files.createDirectories(work);
    maven = Maven.fromBuild(work);
    project = work.resolve("clicks");
    checkpoint = work.resolve("checkpoint");
    input = Files.createDirectories(work.resolve("input"));
    output = work.resolve("output");

    step("1. generate and verify", this::generateAndVerify);
    step("2. release 1.0, run it, kill it mid-stream", this::releaseRunAndKill);
    step("3. compatible upgrade to 1.1 on the checkpoint", this::upgradeCompatibly);
    step("4. incompatible change refused", this::refuseIncompatibleChange);
  }

  private void generateAndVerify() throws Exception {
    Maven.Result generated = maven.run(work, "1-generate",
        "org.apache.maven.plugins:maven-archetype-plugin:" + Maven.required("it.archetypePluginVersion")
            + ":generate", "-DarchetypeGroupId=io.tidemark", "-DarchetypeArtifactId=tidemark-archetype",
        "-DarchetypeVersion=" + Maven.required("it.tidemarkVersion"), "-DgroupId=com.acme", "-DartifactId=clicks",
        "-Dpackage=com.acme.clicks", "-Dversion=1.0.0");
    assertThat(generated.exitCode()).as(generated.output()).isZero();

    Maven.Result verified = maven.run(project, "1-verify", "verify");
    assertThat(verified.exitCode()).as(verified.output()).isZero();
    assertThat(verified.lines()).contains(
        "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0",
        "[INFO] No baseline, and this is declared the first release: 1 pipeline(s), nothing to check");
  }

  private void releaseRunAndKill() throws Exception {
    Maven.Result baseline = maven.run(project, "2-baseline", "tidemark:baseline");
    assertThat(baseline.exitCode()).as(baseline.output()).isZero();
    assertThat(project.resolve("src/main/tidemark/1.0.0/wordcount.json")).isRegularFile();

    Process release = startPipeline("1.0.0", "2-run");
    awaitLog("2-run", "Pipeline wordcount is running");
    feed("first the quick fox");
    awaitTotals();
    feed("second the lazy dog the");
    awaitTotals();
    // the state is checkpointed every 5 s (metadata every batch): let one state checkpoint be written, so
    // that the upgrade has 1.0's state to read
    await("a state checkpoint that the newest metadata references", this::stateCheckpointRecorded);
    feed("third quick quick");
    release.destroyForcibly(); // SIGKILL, with the third file possibly in a batch
    assertThat(release.waitFor()).isEqualTo(137);
    feed("fourth the end"); // arrives while the pipeline is down
  }

  private void upgradeCompatibly() throws Exception {
    release("1.1.0", WORD_STATS_1_1);
    Maven.Result verified = maven.run(project, "3-verify", "verify");
    assertThat(verified.exitCode()).as(verified.output()).isZero();
    assertThat(verified.lines()).contains("[INFO] Pipelines checked against the committed baseline "
            + project.resolve("src/main/tidemark/1.0.0") + ": AFTER_MIGRATION",
        "[INFO]   wordcount: AFTER_MIGRATION (stages: counts AS_IS, totals AFTER_MIGRATION)");
    List<String> findings = findings(verified);
    assertThat(findings).containsExactly(
        "MIGRATION totals.value.batches: field batches was added; old data reads it as its default",
        "MIGRATION totals.value.maxPerBatch: int widened to long; old values are converted while read");

    // against the live checkpoint, written by 1.0: the same verdict and findings
    Maven.Result live = maven.run(project, "3-check-checkpoint", "tidemark:check",
        "-Dtidemark.checkpoint=" + checkpoint);
    assertThat(live.exitCode()).as(live.output()).isZero();
    assertThat(findings(live)).isEqualTo(findings);

    Process upgraded = startOnceTheKilledOneLetGo("1.1.0", "3-run");
    assertThat(Files.readString(work.resolve("logs/3-run.log"))).contains("Recovering from ");
    feed("fifth the fox");
    Map<String, Long> totals = awaitTotals();
    upgraded.destroy(); // SIGTERM: a graceful stop
    assertThat(upgraded.waitFor()).isEqualTo(143);

    assertThat(totals).isEqualTo(trueCounts());
    assertWindowsAgreeWithTotals();
    List<String> state = TextFilesOutput.lines(sink("totals").newestBatch().orElseThrow());
    // a word last seen by release 1.0 carries its state, the new field read as its default
    assertThat(state).contains("(first,WordStats[total=1, maxPerBatch=1, batches=0])",
        "(fifth,WordStats[total=1, maxPerBatch=1, batches=1])");

    Maven.Result baseline = maven.run(project, "3-baseline", "tidemark:baseline");
    assertThat(baseline.exitCode()).as(baseline.output()).isZero();
  }

  private void refuseIncompatibleChange() throws Exception {
    release("1.2.0", WORD_STATS_1_2);
    // the unit test's simulated upgrade refuses this change too: the drill looks at the plugin's check
    Maven.Result verified = maven.run(project, "4-verify", "verify", "-DskipTests");
    assertThat(verified.exitCode()).isEqualTo(1);
    assertThat(findings(verified)).containsExactly(INCOMPATIBLE_FINDING);
    assertThat(verified.lines()).contains("[ERROR]   wordcount: INCOMPATIBLE (stages: counts AS_IS, totals INCOMPATIBLE)",
        "[ERROR]       fix: " + FIX, "[INFO] BUILD FAILURE");

    // against the live checkpoint, written by 1.1: the same finding and fix
    Maven.Result live = maven.run(project, "4-check-checkpoint", "tidemark:check",
        "-Dtidemark.checkpoint=" + checkpoint);
    assertThat(live.exitCode()).isEqualTo(1);
    assertThat(findings(live)).containsExactly(INCOMPATIBLE_FINDING);
    assertThat(live.lines()).contains("[ERROR]       fix: " + FIX);

    Map<String, String> before = snapshot(checkpoint);
    Process refused = startPipeline("1.2.0", "4-run");
    assertThat(refused.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(refused.exitValue()).isEqualTo(3);
    assertThat(Files.readAllLines(work.resolve("logs/4-run.log")))
        .contains("  " + INCOMPATIBLE_FINDING + " (fix: " + FIX + ")");
    assertThat(snapshot(checkpoint)).isEqualTo(before);
  }

  // --- the user's actions

  /** Edits the state record and the version, as a developer preparing release {@code version} does. */
  private void release(String version, String wordStats) throws IOException {
    Files.writeString(project.resolve(PACKAGE_PATH).resolve("WordStats.java"), wordStats);
    Path pom = project.resolve("pom.xml");
    String current = Files.readString(pom);
    String edited = current.replaceFirst("<version>1\\.\\d\\.0</version>", "<version>" + version + "</version>");
    assertThat(edited).isNotEqualTo(current);
    Files.writeString(pom, edited);
  }

  private Process startPipeline(String version, String log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-jar",
        project.resolve("target/clicks-" + version + "-pipeline.jar").toString(), "run", "wordcount",
        "--checkpoint", checkpoint.toString(), "--set", "input=" + input, "--set", "output=" + output)
        .directory(project.toFile())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("logs").resolve(log + ".log").toFile())
        .start();
    started.add(process);
    return process;
  }

  /**
   * Starts the pipeline on the checkpoint the killed one held. Its lock stays valid for a lease (30 s) after
   * the last heartbeat; a start within it is refused with exit code 3, and is retried, as a supervisor would.
   */
  private Process startOnceTheKilledOneLetGo(String version, String log) throws Exception {
    Path file = work.resolve("logs").resolve(log + ".log");
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Process process = startPipeline(version, log);
      await("'" + log + "' running or refused", () -> !process.isAlive() || logContains(file, "is running"));
      if (process.isAlive()) {
        return process;
      }
      assertThat(process.exitValue()).isEqualTo(3);
      assertThat(Files.readString(file)).contains("is in use by pid");
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The checkpoint was still locked after " + PATIENCE.toSeconds() + " s");
      }
      Thread.sleep(1000);
    }
  }

  /** A complete file moved into the input directory, as the pipeline's README asks. */
  private void feed(String text) throws IOException {
    String name = "file-" + (fed.size() + 1) + ".txt";
    Path written = Files.writeString(work.resolve("." + name), text + "\n");
    Files.move(written, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    fed.add(text);
  }

  // --- what the drill observes

  private Map<String, Long> trueCounts() {
    Map<String, Long> counts = new TreeMap<>();
    fed.forEach(text -> List.of(text.split(" ")).forEach(word -> counts.merge(word, 1L, Long::sum)));
    return counts;
  }

  /** Waits until the newest totals hold every word fed so far; returns them. */
  private Map<String, Long> awaitTotals() throws Exception {
    Map<String, Long> expected = trueCounts();
    await("totals " + expected, () -> expected.equals(totalsOrEmpty()));
    return expected;
  }

  private Map<String, Long> totalsOrEmpty() {
    try {
      Optional<Path> newest = sink("totals").newestBatch();
      return newest.isEmpty() ? Map.of() : totals(newest.get());
    } catch (IOException e) {
      return Map.of(); // a batch directory being replaced: the next poll reads it
    }
  }

  private static Map<String, Long> totals(Path batch) throws IOException {
    Map<String, Long> totals = new TreeMap<>();
    for (String line : TextFilesOutput.lines(batch)) {
      Matcher matcher = STATE.matcher(line);
      assertThat(matcher.matches()).as(line).isTrue();
      totals.put(matcher.group(1), Long.parseLong(matcher.group(2)));
    }
    return totals;
  }

  /**
   * Each batch's window counts are the words of the batches in the 3 seconds up to it, those of each batch
   * being the growth of the totals since the batch before: no batch lost or counted twice across the crash.
   */
  private void assertWindowsAgreeWithTotals() throws IOException {
    List<Long> times = sink("totals").batchTimes();
    assertThat(sink("counts").batchTimes()).isEqualTo(times);
    Map<Long, Map<String, Long>> perBatch = new TreeMap<>();
    Map<String, Long> previous = Map.of();
    for (long time : times) {
      Map<String, Long> totals = totals(output.resolve("totals-" + time));
      Map<String, Long> growth = new TreeMap<>();
      Map<String, Long> before = previous;
      totals.forEach((word, total) -> {
        long added = total - before.getOrDefault(word, 0L);
        if (added != 0) {
          growth.put(word, added);
        }
      });
      perBatch.put(time, growth);
      previous = totals;
    }
    for (long time : times) {
      Map<String, Long> window = new TreeMap<>();
      perBatch.forEach((batch, growth) -> {
        if (batch > time - 3000 && batch <= time) {
          growth.forEach((word, count) -> window.merge(word, count, Long::sum));
        }
      });
      List<String> expected = new ArrayList<>();
      window.forEach((word, count) -> expected.add("(" + word + "," + count + ")"));
      assertThat(TextFilesOutput.lines(sink("counts").batch(time))).as("counts at " + time).isEqualTo(expected);
    }
  }

  private TextFilesOutput sink(String name) {
    return new TextFilesOutput(output, name);
  }

  /** The compatibility findings a check logged, without Maven's level prefix. */
  private static List<String> findings(Maven.Result result) {
    return result.lines().stream()
        .map(line -> line.replaceFirst("^\\[(INFO|WARNING|ERROR)\\]\\s+", ""))
        .filter(line -> line.startsWith("ERROR ") || line.startsWith("MIGRATION ") || line.startsWith("WARNING "))
        .sorted()
        .toList();
  }

  private void awaitLog(String log, String text) throws Exception {
    Path file = work.resolve("logs").resolve(log + ".log");
    await("'" + text + "' in " + file, () -> logContains(file, text));
  }

  /**
   * Whether the newest metadata file references a data checkpoint: the state files alone are not enough,
   * a kill before the metadata naming them leaves a checkpoint that recomputes from the start.
   */
  private boolean stateCheckpointRecorded() {
    try (CheckpointStore store = CheckpointStore.open(checkpoint.toString(), new Configuration())) {
      List<Long> times = store.metadataTimes();
      return !times.isEmpty()
          && MetadataJson.read(store.read(store.metadataFile(times.get(times.size() - 1)))).stateTime().isPresent();
    } catch (CheckpointException e) {
      return false; // the newest file was deleted by retention meanwhile: look again
    }
  }

  private static List<Path> listing(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean logContains(Path file, String text) {
    try {
      return Files.readString(file).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what);
      }
      Thread.sleep(100);
    }
  }

  /** Every file under {@code directory} with its SHA-256. */
  private static Map<String, String> snapshot(Path directory) throws IOException, NoSuchAlgorithmException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        String name = directory.relativize(path).toString();
        if (Files.isDirectory(path)) {
          files.put(name + "/", "");
          continue;
        }
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
        files.put(name, HexFormat.of().formatHex(sha));
      }
    }
    return files;
  }

  private interface Step {
    void run() throws Exception;
  }

  /** Runs a step and prints how long it took (measured, never asserted). */
  private static void step(String name, Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    System.out.printf("Drill step %s: %.1f s%n", name, (System.nanoTime() - start) / 1e9);
  }

}
