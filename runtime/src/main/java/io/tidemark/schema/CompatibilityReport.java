package io.tidemark.schema;

import java.util.List;

/** The verdict on reading one schema's data with another, and every finding behind it. */
public record CompatibilityReport(Verdict verdict, List<Finding> findings) {

  public CompatibilityReport {
    findings = List.copyOf(findings);
  }

  public boolean isCompatible() {
    return verdict != Verdict.INCOMPATIBLE;
  }

  public List<Finding> errors() {
    return findings.stream().filter(finding -> finding.severity() == Severity.ERROR).toList();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(verdict.name());
    findings.forEach(finding -> text.append(System.lineSeparator()).append("  ").append(finding));
    return text.toString();
  }
}
