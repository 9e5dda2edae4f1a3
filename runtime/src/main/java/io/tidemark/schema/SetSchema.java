package io.tidemark.schema;

import java.util.Objects;

/** A set: encoded like a list, but a distinct type (a list is not a set after an upgrade). */
public record SetSchema(Schema element) implements Schema {

  public SetSchema {
    CollectionSchemas.requireElementWidth(Objects.requireNonNull(element, "element"), "set");
  }

  @Override
  public int minEncodedSize() {
    return 1;
  }

  @Override
  public String describe() {
    return "set<" + element.describe() + ">";
  }
}
