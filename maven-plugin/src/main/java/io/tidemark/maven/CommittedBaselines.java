package io.tidemark.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The baselines committed with the sources, as {@code tidemark:baseline} writes them: one directory per
 * recorded version under the baseline directory ({@code src/main/tidemark/1.0/orders.json}), ordered
 * by Maven's version order. Every one of them describes checkpoints that may still exist somewhere.
 */
final class CommittedBaselines {

  private final Path directory;

  CommittedBaselines(Path directory) {
    this.directory = directory;
  }

  /** The directory a version's baseline is written to: its release version, without {@code -SNAPSHOT}. */
  Path directoryOf(String projectVersion) {
    return directory.resolve(projectVersion.replaceFirst("-SNAPSHOT$", ""));
  }

  /** Every recorded baseline, oldest version first. */
  List<Baseline> all() throws MojoExecutionException {
    List<Path> versions;
    try (Stream<Path> listing = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
      versions = listing.filter(Files::isDirectory)
          .sorted(Comparator.comparing(version -> new ComparableVersion(version.getFileName().toString())))
          .toList();
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot list the baselines in " + directory + ": " + e, e);
    }
    List<Baseline> baselines = new ArrayList<>();
    for (Path version : versions) {
      baselines.add(new Baseline(Baseline.Kind.COMMITTED, version.toString(), PipelineDescriptors.inDirectory(version)));
    }
    return baselines;
  }
}
