package io.tidemark.maven;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.internal.checkpoint.CheckpointInspection;
import io.tidemark.internal.checkpoint.CheckpointMetadata;
import io.tidemark.internal.checkpoint.CheckpointStore;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The descriptor a live checkpoint was written with: the one in its newest metadata file that reads,
 * which is the one a restart would be checked against. Damaged metadata files are skipped with a
 * warning naming them, as recovery skips them.
 */
final class CheckpointBaseline {

  private CheckpointBaseline() {}

  static Baseline read(String uri, Log log) throws MojoExecutionException {
    CheckpointInspection inspection;
    try (CheckpointStore store = CheckpointStores.open(uri)) {
      inspection = CheckpointInspection.of(store);
    } catch (CheckpointException e) {
      throw new MojoExecutionException("Cannot read the checkpoint " + uri + ": " + e.getMessage(), e);
    }
    CheckpointMetadata metadata = inspection.newest().orElseThrow(() -> new MojoExecutionException(
        "The checkpoint " + uri + " holds no readable metadata: " + String.join("; ", inspection.problems())
            + ". Check -Dtidemark.checkpoint, or run tidemark:inspect on it"));
    inspection.metadataFiles().stream().filter(file -> file.problem().isPresent())
        .forEach(file -> log.warn("Skipping the damaged metadata file " + file.path() + ": " + file.problem().get()));
    return new Baseline(Baseline.Kind.CHECKPOINT, inspection.location() + " (batch " + metadata.batchTime()
        + ", written by Tidemark " + metadata.toolkitVersion() + ")",
        new TreeMap<>(Map.of(metadata.pipeline().name(), metadata.pipeline())));
  }
}
