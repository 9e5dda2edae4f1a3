package io.tidemark.function;

import io.tidemark.stream.PairDStream;
import java.util.Optional;

/**
 * The function of {@link PairDStream#mapWithState}: called once per record of a key (value present), and
 * once when the key times out (value empty, {@link State#isTimingOut()} true). A null result emits
 * nothing.
 */
@FunctionalInterface
public interface MappingFunction<K, V, S, R> {
  R call(K key, Optional<V> value, State<S> state);
}
