package io.tidemark.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * README's first command: what a new user does, on the embedded defaults. Generates a project from the
 * archetype this build just made, builds it as a user would ({@code mvn package}: its tests, the
 * compatibility check, the pipeline jar), runs the jar's word-count pipeline on a local checkpoint while
 * this program moves text files into its input directory, then shows where everything went.
 */
public final class SampleProject {

  private static final String VERSION = "1.0.0";
  private static final int SECONDS_TO_RUN = 14;
  private static final List<String> TEXT = List.of(
      "the tide rises and the tide falls",
      "the twilight darkens the curlew calls",
      "along the sea sands damp and brown",
      "the traveller hastens toward the town",
      "and the tide rises the tide falls",
      "darkness settles on roofs and walls",
      "but the sea the sea in the darkness calls",
      "the little waves with their soft white hands",
      "efface the footprints in the sands",
      "and the tide rises the tide falls");

  private SampleProject() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(Maven.required("it.directory")).resolve("sample").toAbsolutePath();
    Directories.deleteTree(work);
    Files.createDirectories(work);
    Maven maven = Maven.fromBuild(work);
    Path project = work.resolve("clicks");
    Path input = Files.createDirectories(work.resolve("input"));
    Path output = work.resolve("output");
    Path checkpoint = work.resolve("checkpoint");

    say("Generating a pipeline project from tidemark-archetype into " + project);
    succeed(maven.run(work, "generate",
        "org.apache.maven.plugins:maven-archetype-plugin:" + Maven.required("it.archetypePluginVersion") + ":generate",
        "-DarchetypeGroupId=io.tidemark", "-DarchetypeArtifactId=tidemark-archetype",
        "-DarchetypeVersion=" + Maven.required("it.tidemarkVersion"), "-DgroupId=com.acme", "-DartifactId=clicks",
        "-Dpackage=com.acme.clicks", "-Dversion=" + VERSION), work.resolve("logs/generate.log"));
    say("Building it: mvn package (its tests on a manual clock, tidemark:check, tidemark:package)");
    succeed(maven.run(project, "package", "package"), work.resolve("logs/package.log"));

    Path jar = project.resolve("target/clicks-" + VERSION + "-pipeline.jar");
    say("Running java -jar " + work.relativize(jar) + " run wordcount for " + SECONDS_TO_RUN + " s,"
        + " feeding one text file a second into " + input);
    Process pipeline = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "run", "wordcount", "--checkpoint", checkpoint.toString(),
        "--set", "input=" + input, "--set", "output=" + output, "--stop-after", SECONDS_TO_RUN + "s")
        .directory(project.toFile()).inheritIO().start();
    try {
      Thread.sleep(2000); // the pipeline takes the files that arrive after it started
      for (int i = 0; i < TEXT.size(); i++) {
        Path written = Files.writeString(work.resolve(".part-" + i + ".txt"), TEXT.get(i) + "\n", StandardCharsets.UTF_8);
        Files.move(written, input.resolve("part-" + i + ".txt"), StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(1000);
      }
      if (!pipeline.waitFor(SECONDS_TO_RUN + 30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The pipeline did not stop after " + SECONDS_TO_RUN + " s");
      }
    } finally {
      pipeline.destroyForcibly();
    }
    if (pipeline.exitValue() != 0) {
      throw new IllegalStateException("The pipeline exited with " + pipeline.exitValue() + ": see its log above");
    }

    Path totals = new TextFilesOutput(output, "totals").newestBatch()
        .orElseThrow(() -> new IllegalStateException("No totals output under " + output));
    System.out.println();
    say("Done. The generated project:  " + project);
    say("  its input (" + TEXT.size() + " files):      " + input);
    say("  output, a directory per batch: " + output);
    say("  checkpoint:                  " + checkpoint);
    say("  running totals after the last batch (" + totals.getFileName() + "), most frequent first:");
    TextFilesOutput.lines(totals).stream()
        .sorted(Comparator.comparingLong(SampleProject::total).reversed())
        .limit(5)
        .forEach(line -> say("    " + line));
    say("What the checkpoint holds: java -jar " + jar + " inspect " + checkpoint);
  }

  private static void say(String line) {
    System.out.println("[sample] " + line);
  }

  private static void succeed(Maven.Result result, Path log) {
    if (result.exitCode() != 0) {
      throw new IllegalStateException("Maven failed (exit " + result.exitCode() + "): see " + log);
    }
  }

  /** The total of a saved {@code (word,WordStats[total=N, …])} line. */
  private static long total(String line) {
    int start = line.indexOf("total=") + "total=".length();
    int end = start;
    while (end < line.length() && Character.isDigit(line.charAt(end))) {
      end++;
    }
    return Long.parseLong(line.substring(start, end));
  }
}
