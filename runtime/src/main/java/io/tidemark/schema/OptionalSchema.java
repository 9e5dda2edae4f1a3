package io.tidemark.schema;

import java.util.Objects;

/** A value that may be absent ({@code Optional<T>} or a nullable {@code T}): a 0/1 tag, then the value if 1. */
public record OptionalSchema(Schema value) implements Schema {

  public OptionalSchema {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public int minEncodedSize() {
    return 1;
  }

  @Override
  public String describe() {
    return "optional<" + value.describe() + ">";
  }
}
