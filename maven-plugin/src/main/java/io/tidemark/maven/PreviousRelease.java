package io.tidemark.maven;

import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.version.Version;

/**
 * A released version of the project's own artifact, resolved from the repositories the project uses
 * (local first): the descriptors inside its jar are the ones production checkpoints were written with.
 */
final class PreviousRelease {

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final String groupId;
  private final String artifactId;

  PreviousRelease(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
      String groupId, String artifactId) {
    this.system = system;
    this.session = session;
    this.repositories = repositories;
    this.groupId = groupId;
    this.artifactId = artifactId;
  }

  /** The highest version below {@code currentVersion}; snapshots only if {@code includeSnapshots}. */
  Optional<String> latestBelow(String currentVersion, boolean includeSnapshots) throws MojoExecutionException {
    String range = "[0," + currentVersion + ")";
    VersionRangeRequest request = new VersionRangeRequest(
        new DefaultArtifact(groupId, artifactId, "jar", range), repositories, null);
    List<Version> versions;
    try {
      versions = system.resolveVersionRange(session, request).getVersions();
    } catch (VersionRangeResolutionException e) {
      throw new MojoExecutionException("Cannot list the released versions " + range + " of " + groupId + ":"
          + artifactId + ": " + e.getMessage() + ". Pin one with -Dtidemark.baselineVersion, or commit a baseline"
          + " with tidemark:baseline", e);
    }
    return versions.stream().map(Version::toString)
        .filter(version -> includeSnapshots || !version.endsWith("SNAPSHOT"))
        .reduce((lower, higher) -> higher); // versions come in ascending order
  }

  /** The descriptors in the jar of {@code version}. */
  Baseline baseline(String version) throws MojoExecutionException {
    DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "jar", version);
    try {
      var jar = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact();
      return new Baseline(Baseline.Kind.RELEASE, artifact.toString(), PipelineDescriptors.inJar(jar.getFile().toPath()));
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("Cannot resolve the baseline release " + artifact + ": " + e.getMessage()
          + ". Check -Dtidemark.baselineVersion and the repositories", e);
    }
  }
}
