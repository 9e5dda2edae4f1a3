package io.tidemark.testing;

import io.tidemark.engine.Clock;
import java.time.Duration;

/** A clock that moves only when told to, so tests decide exactly when each batch is generated. */
public final class ManualClock implements Clock {

  private long now;

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
    while (now < targetMillis) {
      wait();
    }
    return now;
  }
}
