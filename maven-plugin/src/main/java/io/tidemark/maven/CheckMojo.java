package io.tidemark.maven;

import io.tidemark.schema.PipelineDescriptor;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Fails the build when the new code cannot restore a checkpoint written by an earlier version: checks
 * every pipeline descriptor of the build against a baseline with the runtime's own rules (the ones a
 * restart applies), reports every finding with its fix, and writes {@code compatibility.md} and {@code
 * compatibility.json}.
 *
 * <p>The baseline, first that applies: the checkpoint named by {@code tidemark.checkpoint}; the release
 * pinned by {@code tidemark.baselineVersion}; the newest baseline committed under {@code
 * src/main/tidemark/<version>/} (all of them with {@code tidemark.checkAllBaselines}); the highest
 * release of this artifact below the project's version in the repositories.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends DescriptorMojo {

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  @Component
  private RepositorySystem repositorySystem;

  /**
   * Checks against every committed baseline, not only the newest: for checkpoints of older versions that
   * may still be restored by this one.
   */
  @Parameter(property = "tidemark.checkAllBaselines", defaultValue = "false")
  private boolean checkAllBaselines;

  /** The release to check against, instead of the committed baselines or the highest earlier release. */
  @Parameter(property = "tidemark.baselineVersion")
  private String baselineVersion;

  /** Whether a snapshot counts as the previous release. */
  @Parameter(property = "tidemark.includeSnapshots", defaultValue = "false")
  private boolean includeSnapshots;

  /**
   * A live checkpoint directory (any Hadoop URI: {@code hdfs://nn/ckpt}, {@code s3a://b/ckpt}, {@code
   * file:///…}) to check against: will this build restore it?
   */
  @Parameter(property = "tidemark.checkpoint")
  private String checkpoint;

  /** Declares that no earlier version exists, so having no baseline is not an error. */
  @Parameter(property = "tidemark.firstRelease", defaultValue = "false")
  private boolean firstRelease;

  /**
   * Fails on warnings too: changes that old checkpoints survive by being converted while read, and
   * pipelines of the baseline missing from the build.
   */
  @Parameter(property = "tidemark.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /** Where {@code compatibility.md} and {@code compatibility.json} go. */
  @Parameter(property = "tidemark.reportDirectory", defaultValue = "${project.build.directory}/tidemark",
      required = true)
  private File reportDirectory;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    SortedMap<String, PipelineDescriptor> current = currentDescriptors();
    if (current.isEmpty()) {
      getLog().info("No pipeline descriptor in " + descriptorDirectory + ": nothing to check (tidemark-processor"
          + " writes one for each @Pipeline class it compiles)");
      return;
    }
    List<Baseline> baselines = baselines();
    if (baselines.isEmpty() && !firstRelease) {
      throw new MojoExecutionException("No baseline to check the pipelines " + String.join(", ", current.keySet())
          + " against: nothing committed in " + baselineDirectory + " and no release of " + project.getGroupId() + ":"
          + project.getArtifactId() + " below " + project.getVersion() + " in the repositories. Fix: record the"
          + " descriptors of the released version with `mvn compile tidemark:baseline` and commit " + baselineDirectory
          + "; or pin the release with -Dtidemark.baselineVersion=<version>; or, if no version of these pipelines was"
          + " ever released, set -Dtidemark.firstRelease=true (<firstRelease>true</firstRelease>)");
    }
    if (baselines.isEmpty()) {
      getLog().info("No baseline, and this is declared the first release: " + current.size()
          + " pipeline(s), nothing to check");
    }
    List<BaselineCheck> checks = baselines.stream().map(baseline -> BaselineCheck.of(baseline, current)).toList();
    CompatibilityReportWriter report = new CompatibilityReportWriter(
        project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion(), checks);
    report.log(getLog());
    try {
      report.write(reportDirectory.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the compatibility report to " + reportDirectory + ": " + e, e);
    }
    getLog().info("Compatibility report: " + new File(reportDirectory, "compatibility.md"));
    failOn(checks);
  }

  private void failOn(List<BaselineCheck> checks) throws MojoFailureException {
    for (BaselineCheck check : checks) {
      if (check.isIncompatible()) {
        throw new MojoFailureException("This build cannot restore checkpoints written with the "
            + check.baseline().describe() + ": fix each ERROR above (see "
            + new File(reportDirectory, "compatibility.md") + ")");
      }
    }
    if (failOnWarning && checks.stream().anyMatch(BaselineCheck::hasWarnings)) {
      throw new MojoFailureException("The compatibility check has warnings and tidemark.failOnWarning is set: see "
          + new File(reportDirectory, "compatibility.md"));
    }
  }

  /** The baselines to check against, each logged with why it was chosen; empty if there is none. */
  private List<Baseline> baselines() throws MojoExecutionException {
    if (checkpoint != null && !checkpoint.isBlank()) {
      getLog().info("Baseline: the checkpoint " + checkpoint + " (tidemark.checkpoint)");
      return List.of(CheckpointBaseline.read(checkpoint, getLog()));
    }
    PreviousRelease releases = new PreviousRelease(repositorySystem, repositorySession,
        project.getRemoteProjectRepositories(), project.getGroupId(), project.getArtifactId());
    if (baselineVersion != null && !baselineVersion.isBlank()) {
      getLog().info("Baseline: release " + baselineVersion + " (tidemark.baselineVersion)");
      return List.of(releases.baseline(baselineVersion));
    }
    List<Baseline> committed = new CommittedBaselines(baselineDirectory.toPath()).all();
    if (!committed.isEmpty()) {
      if (checkAllBaselines) {
        getLog().info("Baselines: all " + committed.size() + " committed in " + baselineDirectory);
        return committed;
      }
      Baseline newest = committed.get(committed.size() - 1);
      getLog().info("Baseline: the newest committed one, " + newest.location() + " (of " + committed.size()
          + "; -Dtidemark.checkAllBaselines=true checks them all)");
      return List.of(newest);
    }
    Optional<String> previous = releases.latestBelow(project.getVersion(), includeSnapshots);
    if (previous.isPresent()) {
      getLog().info("Baseline: the previous release " + previous.get() + ", the highest version below "
          + project.getVersion() + (includeSnapshots ? " (snapshots included)" : ""));
      return List.of(releases.baseline(previous.get()));
    }
    return List.of();
  }
}
