package io.tidemark.stream;

import io.tidemark.function.Durations;
import io.tidemark.function.MappingFunction;
import io.tidemark.function.State;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What {@link PairDStream#mapWithState} does per record, and after how long an idle key times out. */
public final class StateSpec<K, V, S, R> {

  private final MappingFunction<K, V, S, R> function;
  private final Duration timeout;

  private StateSpec(MappingFunction<K, V, S, R> function, Duration timeout) {
    this.function = Objects.requireNonNull(function, "function");
    this.timeout = timeout;
  }

  public static <K, V, S, R> StateSpec<K, V, S, R> function(MappingFunction<K, V, S, R> function) {
    return new StateSpec<>(function, null);
  }

  /** Keys that receive no record for longer than {@code idle} time out (see {@link State#isTimingOut()}). */
  public StateSpec<K, V, S, R> timeout(Duration idle) {
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("State timeout must be positive, got " + Durations.format(idle));
    }
    return new StateSpec<>(function, idle);
  }

  public MappingFunction<K, V, S, R> mappingFunction() {
    return function;
  }

  public Optional<Duration> idleTimeout() {
    return Optional.ofNullable(timeout);
  }
}
