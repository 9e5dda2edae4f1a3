package io.tidemark.internal.checkpoint;

import io.tidemark.schema.Serializer;
import io.tidemark.schema.StageDescriptor.StateDescriptor;
import java.util.Objects;

/** How a stateful stage's state entries are written to a checkpoint: the serializers of key and value. */
public record StateSerializers<K, V>(Serializer<K> keys, Serializer<V> values) {

  public StateSerializers {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(values, "values");
  }

  /** The schemas, as the pipeline descriptor records them. */
  public StateDescriptor descriptor() {
    return new StateDescriptor(keys.schema(), values.schema());
  }
}
