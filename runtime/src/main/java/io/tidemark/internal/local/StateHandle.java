package io.tidemark.internal.local;

import io.tidemark.function.State;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The {@link State} a mapping function sees for one key; the stage reads back what the function did. */
final class StateHandle<S> implements State<S> {

  private S value;
  private boolean exists;
  private boolean timingOut;

  void reset(S value, boolean exists, boolean timingOut) {
    this.value = value;
    this.exists = exists;
    this.timingOut = timingOut;
  }

  @Override
  public boolean exists() {
    return exists;
  }

  @Override
  public S get() {
    if (!exists) {
      throw new NoSuchElementException("The key has no state");
    }
    return value;
  }

  @Override
  public Optional<S> getOption() {
    return exists ? Optional.ofNullable(value) : Optional.empty();
  }

  @Override
  public void update(S newState) {
    if (timingOut) {
      throw new IllegalStateException("Cannot update the state of a key that is timing out");
    }
    value = newState;
    exists = true;
  }

  @Override
  public void remove() {
    if (timingOut) {
      throw new IllegalStateException("Cannot remove the state of a key that is timing out: it is removed anyway");
    }
    value = null;
    exists = false;
  }

  @Override
  public boolean isTimingOut() {
    return timingOut;
  }
}
