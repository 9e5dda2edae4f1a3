package io.tidemark.schema;

/**
 * One difference between a writer's and a reader's schema.
 *
 * @param path where it is, from the caller's root name: {@code totals.value.maxPerBatch}; list and set
 *     elements add {@code []}, map entries {@code .key}/{@code .value}, optionals nothing
 * @param fix what to change to make it compatible; empty unless the severity is {@link Severity#ERROR}
 */
public record Finding(String path, FindingKind kind, Severity severity, String message, String fix) {

  @Override
  public String toString() {
    return severity + " " + path + ": " + message + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
  }
}
