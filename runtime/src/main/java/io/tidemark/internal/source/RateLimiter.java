package io.tidemark.internal.source;

import io.tidemark.function.Clock;

/**
 * At most {@code perSecond} permits per second of the pipeline's clock (fixed one-second windows), so a
 * receiver's {@code maxRate} holds, and is testable on a manual clock.
 */
final class RateLimiter {

  private final Clock clock;
  private final long perSecond;
  private long second = Long.MIN_VALUE;
  private long used;

  RateLimiter(Clock clock, long perSecond) {
    this.clock = clock;
    this.perSecond = perSecond;
  }

  boolean tryAcquire() {
    long now = Math.floorDiv(clock.nowMillis(), 1000);
    if (now != second) {
      second = now;
      used = 0;
    }
    if (used < perSecond) {
      used++;
      return true;
    }
    return false;
  }

  void acquire() throws InterruptedException {
    while (!tryAcquire()) {
      clock.waitTillTime((second + 1) * 1000);
    }
  }
}
