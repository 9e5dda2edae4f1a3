package io.tidemark.schema;

import java.util.Objects;

/** The pair {@link io.tidemark.function.KV}: the key, then the value. */
public record KVSchema(Schema key, Schema value) implements Schema {

  public KVSchema {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public int minEncodedSize() {
    return key.minEncodedSize() + value.minEncodedSize();
  }

  @Override
  public String describe() {
    return "kv<" + key.describe() + "," + value.describe() + ">";
  }
}
