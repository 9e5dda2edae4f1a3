package io.tidemark.testing;

import io.tidemark.function.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A clock that moves only when told to, so tests decide exactly when each batch is generated. */
public final class ManualClock implements Clock {

  private long now;
  /** The times threads are waiting for, each with how many wait for it. */
  private final Map<Long, Integer> waiting = new HashMap<>();

  public ManualClock() {
    this(0);
  }

  public ManualClock(long startMillis) {
    this.now = startMillis;
  }

  @Override
  public synchronized long nowMillis() {
    return now;
  }

  public synchronized void advance(Duration duration) {
    setTime(now + duration.toMillis());
  }

  public synchronized void setTime(long millis) {
    if (millis < now) {
      throw new IllegalArgumentException("A clock does not go back: " + millis + " ms < " + now + " ms");
    }
    now = millis;
    notifyAll();
  }

  @Override
  public synchronized long waitTillTime(long targetMillis) throws InterruptedException {
    waiting.merge(targetMillis, 1, Integer::sum);
    notifyAll();
    try {
      while (now < targetMillis) {
        wait();
      }
    } finally {
      waiting.computeIfPresent(targetMillis, (time, count) -> count == 1 ? null : count - 1);
    }
    return now;
  }

  /**
   * Blocks until a thread waits for the clock to reach {@code targetMillis}. The job generator waits
   * for the next batch time once it has planned the batch before it, so {@code awaitWaiter(t +
   * interval)} returns once the batch at {@code t} has been planned.
   */
  public synchronized void awaitWaiter(long targetMillis) throws InterruptedException {
    while (!waiting.containsKey(targetMillis)) {
      wait();
    }
  }
}
