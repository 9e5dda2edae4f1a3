package io.tidemark.schema;

/**
 * A JSON schema or pipeline descriptor that cannot be read: names the JSON path of the problem and what
 * was expected there.
 */
public final class MalformedSchemaException extends IllegalArgumentException {

  private final String path;

  MalformedSchemaException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** Where the problem is, as a JSON path from the document's root: {@code $.fields[2].type}. */
  public String path() {
    return path;
  }
}
