package io.tidemark.maven;

import io.tidemark.schema.Finding;
import io.tidemark.schema.PipelineReport;
import io.tidemark.schema.Severity;
import java.util.List;
import java.util.Optional;

/**
 * What the check found for one pipeline against one baseline.
 *
 * @param report the checker's report, for a pipeline in both the baseline and the build
 */
record PipelineOutcome(String pipeline, Status status, Optional<PipelineReport> report) {

  enum Status {
    /** In the baseline and in the build: checked. */
    CHECKED,
    /** Only in the build: no earlier checkpoint can exist. */
    NEW,
    /** Only in the baseline: its checkpoints have no code left to restore them. */
    REMOVED
  }

  List<Finding> findings() {
    return report.map(r -> r.overall().findings()).orElse(List.of());
  }

  boolean isIncompatible() {
    return report.map(r -> !r.isCompatible()).orElse(false);
  }

  /** Old checkpoints are converted while read: worth a look, fatal only with {@code failOnWarning}. */
  boolean hasWarnings() {
    return status == Status.REMOVED || findings().stream().anyMatch(f -> f.severity() == Severity.MIGRATION);
  }

  /** The verdict as the report shows it: the checker's, or the status of an unchecked pipeline. */
  String verdict() {
    return report.map(r -> r.verdict().name()).orElse(status.name());
  }
}
