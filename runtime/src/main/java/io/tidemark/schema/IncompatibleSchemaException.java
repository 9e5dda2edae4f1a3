package io.tidemark.schema;

/** Data written with one schema was to be read with a schema that cannot read it; carries the report. */
public final class IncompatibleSchemaException extends RuntimeException {

  private final transient CompatibilityReport report;

  public IncompatibleSchemaException(String what, CompatibilityReport report) {
    super(what + " cannot be read with the current schema: " + report);
    this.report = report;
  }

  public CompatibilityReport report() {
    return report;
  }
}
