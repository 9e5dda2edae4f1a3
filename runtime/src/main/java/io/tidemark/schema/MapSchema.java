package io.tidemark.schema;

import java.util.Objects;

/** A map: a count, then each entry's key followed by its value. Keys may have any schema. */
public record MapSchema(Schema key, Schema value) implements Schema {

  public MapSchema {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    CollectionSchemas.requireElementWidth(new KVSchema(key, value), "map");
  }

  @Override
  public int minEncodedSize() {
    return 1;
  }

  @Override
  public String describe() {
    return "map<" + key.describe() + "," + value.describe() + ">";
  }
}
