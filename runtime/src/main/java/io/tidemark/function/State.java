package io.tidemark.function;

import io.tidemark.stream.StateSpec;
import java.util.Optional;

/**
 * The state of one key inside a {@link StateSpec} mapping function: read it, replace it, or remove it.
 * When the key has been idle for longer than the spec's timeout the function is called one last time
 * with no value and {@link #isTimingOut()} true; the state is then removed and can no longer be updated.
 */
public interface State<S> {

  boolean exists();

  /** @throws java.util.NoSuchElementException if the key has no state */
  S get();

  Optional<S> getOption();

  /** @throws IllegalStateException if the state is timing out or was removed in this call */
  void update(S newState);

  /** @throws IllegalStateException if the state is timing out (it is removed anyway) */
  void remove();

  boolean isTimingOut();
}
