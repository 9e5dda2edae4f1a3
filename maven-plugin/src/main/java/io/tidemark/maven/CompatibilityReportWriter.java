package io.tidemark.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.schema.Finding;
import io.tidemark.schema.PipelineReport;
import io.tidemark.schema.Severity;
import io.tidemark.schema.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * The check's results in three forms: the console report (each finding with its path, what changed,
 * why it matters and the fix), {@code compatibility.md} for people and {@code compatibility.json} for
 * tools. All three say the same things in the same order.
 */
final class CompatibilityReportWriter {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String project;
  private final List<BaselineCheck> checks;

  CompatibilityReportWriter(String project, List<BaselineCheck> checks) {
    this.project = project;
    this.checks = List.copyOf(checks);
  }

  /** The worst verdict of every check. */
  Verdict verdict() {
    return checks.stream().map(BaselineCheck::verdict).max(Comparator.naturalOrder()).orElse(Verdict.AS_IS);
  }

  void log(Log log) {
    for (BaselineCheck check : checks) {
      log.info("Pipelines checked against the " + check.baseline().describe() + ": " + check.verdict());
      for (PipelineOutcome outcome : check.pipelines()) {
        String stages = stages(outcome);
        String headline = "  " + outcome.pipeline() + ": " + outcome.verdict() + (stages.isEmpty() ? "" : " (stages: " + stages + ")");
        if (outcome.isIncompatible()) {
          log.error(headline);
        } else {
          log.info(headline);
        }
        if (outcome.status() == PipelineOutcome.Status.REMOVED) {
          log.warn("    pipeline " + outcome.pipeline() + " is in the baseline but no longer in this build");
          log.warn("      why it matters: " + check.removedConsequence(outcome.pipeline()));
          log.warn("      fix: " + BaselineCheck.removedFix());
        }
        for (Finding finding : outcome.findings()) {
          logAt(log, finding.severity(), "    " + finding.severity() + " " + finding.path() + ": " + finding.message());
          logAt(log, finding.severity(), "      why it matters: " + check.consequence(finding));
          if (!finding.fix().isEmpty()) {
            logAt(log, finding.severity(), "      fix: " + finding.fix());
          }
        }
      }
    }
  }

  private static void logAt(Log log, Severity severity, String line) {
    switch (severity) {
      case ERROR -> log.error(line);
      case MIGRATION -> log.warn(line);
      case INFO -> log.info(line);
    }
  }

  /** {@code "counts AS_IS, totals AFTER_MIGRATION"}: the stateful stages' verdicts; empty if none were checked. */
  private static String stages(PipelineOutcome outcome) {
    return outcome.report().map(PipelineReport::stages).orElse(Map.of()).entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).map(stage -> stage.getKey() + " " + stage.getValue())
        .collect(Collectors.joining(", "));
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# Tidemark compatibility report\n\n")
        .append("Project `").append(project).append("`: **").append(verdict()).append("**\n");
    for (BaselineCheck check : checks) {
      md.append("\n## Against the ").append(check.baseline().describe()).append(": ").append(check.verdict())
          .append("\n\n| pipeline | verdict | stages |\n|---|---|---|\n");
      check.pipelines().forEach(outcome -> md.append("| ").append(outcome.pipeline()).append(" | ")
          .append(outcome.verdict()).append(" | ").append(stages(outcome)).append(" |\n"));
      for (PipelineOutcome outcome : check.pipelines()) {
        if (outcome.status() == PipelineOutcome.Status.REMOVED) {
          md.append("\n### ").append(outcome.pipeline()).append(" (removed)\n\n- **why it matters**: ")
              .append(check.removedConsequence(outcome.pipeline())).append("\n- **fix**: ")
              .append(BaselineCheck.removedFix()).append('\n');
        }
        if (!outcome.findings().isEmpty()) {
          md.append("\n### ").append(outcome.pipeline()).append("\n");
        }
        for (Finding finding : outcome.findings()) {
          md.append("\n- ").append(finding.severity()).append(" `").append(finding.path()).append("`: ")
              .append(finding.message()).append("\n  - why it matters: ").append(check.consequence(finding));
          if (!finding.fix().isEmpty()) {
            md.append("\n  - fix: ").append(finding.fix());
          }
          md.append('\n');
        }
      }
    }
    return md.toString();
  }

  String json() throws IOException {
    ObjectNode root = MAPPER.createObjectNode().put("project", project).put("verdict", verdict().name());
    ArrayNode baselines = root.putArray("baselines");
    for (BaselineCheck check : checks) {
      ObjectNode baseline = baselines.addObject().put("kind", check.baseline().kind().name())
          .put("location", check.baseline().location()).put("verdict", check.verdict().name());
      ArrayNode pipelines = baseline.putArray("pipelines");
      for (PipelineOutcome outcome : check.pipelines()) {
        ObjectNode pipeline = pipelines.addObject().put("pipeline", outcome.pipeline())
            .put("status", outcome.status().name()).put("verdict", outcome.verdict());
        outcome.report().ifPresent(report -> report.stages().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(stage -> pipeline.with("stages").put(stage.getKey(), stage.getValue().name())));
        if (outcome.status() == PipelineOutcome.Status.REMOVED) {
          pipeline.put("consequence", check.removedConsequence(outcome.pipeline()))
              .put("fix", BaselineCheck.removedFix());
        }
        ArrayNode findings = pipeline.putArray("findings");
        outcome.findings().forEach(finding -> findings.addObject().put("path", finding.path())
            .put("kind", finding.kind().name()).put("severity", finding.severity().name())
            .put("message", finding.message()).put("consequence", check.consequence(finding))
            .put("fix", finding.fix()));
      }
    }
    return MAPPER.writeValueAsString(root);
  }

  /** Writes {@code compatibility.md} and {@code compatibility.json} into {@code directory}. */
  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("compatibility.md"), markdown());
    Files.writeString(directory.resolve("compatibility.json"), json());
  }
}
