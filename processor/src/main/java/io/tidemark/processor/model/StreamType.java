package io.tidemark.processor.model;

import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * What a stage produces: a stream of {@code element}, keyed ({@code PairDStream<K, V>}, element {@code
 * KV<K, V>}) or not.
 */
public record StreamType(TypeMirror element, boolean keyed) {

  public TypeMirror key() {
    return ((DeclaredType) element).getTypeArguments().get(0);
  }

  public TypeMirror value() {
    return ((DeclaredType) element).getTypeArguments().get(1);
  }

  /** {@code DStream<T>} or {@code PairDStream<K, V>}. */
  public DeclaredType streamType(JavaTypes types) {
    return keyed ? types.declared(JavaTypes.PAIR_DSTREAM, key(), value())
        : types.declared(JavaTypes.DSTREAM, element);
  }
}
