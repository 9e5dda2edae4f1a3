package io.tidemark.schema;

import java.util.Objects;

/** An ordered sequence: a count, then the elements. */
public record ListSchema(Schema element) implements Schema {

  public ListSchema {
    CollectionSchemas.requireElementWidth(Objects.requireNonNull(element, "element"), "list");
  }

  @Override
  public int minEncodedSize() {
    return 1;
  }

  @Override
  public String describe() {
    return "list<" + element.describe() + ">";
  }
}
