package io.tidemark.maven;

import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PipelineDescriptorJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records the build's pipeline descriptors as the baseline of this version, in {@code
 * src/main/tidemark/<version>/<pipeline>.json} (the version without {@code -SNAPSHOT}), to be committed:
 * {@code tidemark:check} then checks later versions against it. Run it after compiling, on the version
 * that is released: {@code mvn compile tidemark:baseline}. An identical file is left alone; a different
 * one is replaced only with {@code -Dtidemark.force}, since checkpoints may have been written with it.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends DescriptorMojo {

  /** Replaces a recorded descriptor that differs from the build's. */
  @Parameter(property = "tidemark.force", defaultValue = "false")
  private boolean force;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    SortedMap<String, PipelineDescriptor> current = currentDescriptors();
    if (current.isEmpty()) {
      throw new MojoExecutionException("No pipeline descriptor in " + descriptorDirectory + " to record. Compile"
          + " first (mvn compile tidemark:baseline), with tidemark-processor on the annotation processor path");
    }
    Path target = new CommittedBaselines(baselineDirectory.toPath()).directoryOf(project.getVersion());
    List<Path> changed = new ArrayList<>();
    List<Map.Entry<Path, String>> toWrite = new ArrayList<>();
    for (PipelineDescriptor descriptor : current.values()) {
      Path file = target.resolve(descriptor.name() + ".json");
      String json = PipelineDescriptorJson.toJsonString(descriptor);
      if (Files.exists(file)) {
        String recorded = PipelineDescriptorJson.toJsonString(PipelineDescriptors.parse(read(file), file.toString()));
        if (recorded.equals(json)) {
          getLog().info("Baseline " + file + " is up to date");
          continue;
        }
        changed.add(file);
      }
      toWrite.add(Map.entry(file, json));
    }
    if (!changed.isEmpty() && !force) {
      throw new MojoFailureException("The recorded baseline " + changed + " differs from the build's descriptor;"
          + " checkpoints may have been written with it, so it is not replaced silently. Run tidemark:check to see"
          + " the differences; replace it with -Dtidemark.force=true if the recorded one was never released");
    }
    for (Map.Entry<Path, String> entry : toWrite) {
      write(entry.getKey(), entry.getValue());
      getLog().info((changed.contains(entry.getKey()) ? "Replaced" : "Recorded") + " baseline " + entry.getKey());
    }
  }

  private static String read(Path file) throws MojoExecutionException {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the baseline " + file + ": " + e, e);
    }
  }

  private static void write(Path file, String json) throws MojoExecutionException {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the baseline " + file + ": " + e, e);
    }
  }
}
