package io.tidemark.maven;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.internal.checkpoint.CheckpointInspection;
import io.tidemark.internal.checkpoint.CheckpointStore;
import io.tidemark.launch.InspectionReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what a checkpoint holds: pipeline, toolkit version, last completed and pending batches, source
 * positions, state stages with key counts and sizes, schema fingerprints; and every damaged file, with
 * why. Runs without a project: {@code mvn io.tidemark:tidemark-maven-plugin:inspect -Dtidemark.checkpoint=…}.
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public class InspectMojo extends TidemarkMojo {

  /** The checkpoint directory: any Hadoop URI, or a local path. */
  @Parameter(property = "tidemark.checkpoint", required = true)
  private String checkpoint;

  /** {@code text} (logged) or {@code json} (printed bare to standard output, or written to {@code output}). */
  @Parameter(property = "tidemark.format", defaultValue = "text", required = true)
  private Format format;

  /** A file to write the inspection to instead. */
  @Parameter(property = "tidemark.output")
  private File output;

  enum Format { text, json }

  @Override
  void run() throws MojoExecutionException {
    CheckpointInspection inspection;
    try (CheckpointStore store = CheckpointStores.open(checkpoint)) {
      inspection = CheckpointInspection.of(store);
    } catch (CheckpointException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    String rendered = format == Format.json ? InspectionReport.json(inspection)
        : String.join(System.lineSeparator(), InspectionReport.text(inspection));
    if (output != null) {
      try {
        Files.createDirectories(output.toPath().toAbsolutePath().getParent());
        Files.writeString(output.toPath(), rendered);
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot write " + output + ": " + e, e);
      }
      getLog().info("Inspection of " + inspection.location() + " written to " + output);
    } else if (format == Format.json) {
      System.out.println(rendered); // bare, so that `mvn -q … > file` is JSON
    } else {
      InspectionReport.text(inspection).forEach(getLog()::info);
    }
    if (!inspection.isIntact()) {
      getLog().warn("The checkpoint " + inspection.location() + " has " + inspection.problems().size()
          + " problem(s): " + String.join("; ", inspection.problems()));
    }
  }
}
