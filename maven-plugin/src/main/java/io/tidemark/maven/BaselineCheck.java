package io.tidemark.maven;

import io.tidemark.schema.Finding;
import io.tidemark.schema.PipelineCompatibility;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The build's pipelines checked against one baseline by {@link PipelineCompatibility}, pipeline by
 * pipeline (matched by name).
 */
record BaselineCheck(Baseline baseline, List<PipelineOutcome> pipelines) {

  BaselineCheck {
    pipelines = List.copyOf(pipelines);
  }

  static BaselineCheck of(Baseline baseline, SortedMap<String, PipelineDescriptor> current) {
    TreeSet<String> names = new TreeSet<>(current.keySet());
    names.addAll(baseline.pipelines().keySet());
    List<PipelineOutcome> outcomes = new ArrayList<>();
    for (String name : names) {
      PipelineDescriptor old = baseline.pipelines().get(name);
      PipelineDescriptor now = current.get(name);
      if (old == null) {
        outcomes.add(new PipelineOutcome(name, PipelineOutcome.Status.NEW, Optional.empty()));
      } else if (now == null) {
        outcomes.add(new PipelineOutcome(name, PipelineOutcome.Status.REMOVED, Optional.empty()));
      } else {
        outcomes.add(new PipelineOutcome(name, PipelineOutcome.Status.CHECKED,
            Optional.of(PipelineCompatibility.check(old, now))));
      }
    }
    return new BaselineCheck(baseline, outcomes);
  }

  /**
   * Whether some checkpoint of the baseline cannot be restored by this build: an incompatible change,
   * or, against a live checkpoint, its pipeline gone from the build.
   */
  boolean isIncompatible() {
    return pipelines.stream().anyMatch(outcome -> outcome.isIncompatible()
        || outcome.status() == PipelineOutcome.Status.REMOVED && baseline.kind() == Baseline.Kind.CHECKPOINT);
  }

  /** The worst verdict over the pipelines. */
  Verdict verdict() {
    if (isIncompatible()) {
      return Verdict.INCOMPATIBLE;
    }
    return pipelines.stream().flatMap(outcome -> outcome.report().stream())
        .anyMatch(report -> report.verdict() == Verdict.AFTER_MIGRATION) ? Verdict.AFTER_MIGRATION : Verdict.AS_IS;
  }

  boolean hasWarnings() {
    return pipelines.stream().anyMatch(PipelineOutcome::hasWarnings);
  }

  /** Why {@code finding} matters to someone about to deploy this build. */
  String consequence(Finding finding) {
    return switch (finding.severity()) {
      case ERROR -> "this build cannot restore a checkpoint written with the " + baseline.describe();
      case MIGRATION -> "restoring converts the checkpointed data while reading it; nothing to do";
      case INFO -> "no effect on restoring";
    };
  }

  /** Why a pipeline of the baseline missing from the build matters, and what to do. */
  String removedConsequence(String pipeline) {
    return "checkpoints of pipeline " + pipeline + " written with the " + baseline.describe()
        + " have no code left to restore them";
  }

  static String removedFix() {
    return "restore the pipeline, or, if it is retired on purpose, record a new baseline with tidemark:baseline";
  }
}
