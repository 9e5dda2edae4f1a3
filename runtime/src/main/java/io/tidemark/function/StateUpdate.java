package io.tidemark.function;

import io.tidemark.stream.PairDStream;
import java.util.List;
import java.util.Optional;

/**
 * The function of {@link PairDStream#updateStateByKey(String, StateUpdate)} that is told the key: once
 * per batch for each key with new values or a state, {@code values} empty if none arrived, {@code
 * state} empty for a new key. Returning null removes the key.
 */
@FunctionalInterface
public interface StateUpdate<K, V, S> {

  S apply(K key, List<V> values, Optional<S> state);
}
