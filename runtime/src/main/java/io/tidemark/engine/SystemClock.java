package io.tidemark.engine;

/** Wall-clock time. */
public final class SystemClock implements Clock {

  @Override
  public long nowMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public long waitTillTime(long targetMillis) throws InterruptedException {
    long now;
    while ((now = nowMillis()) < targetMillis) {
      Thread.sleep(Math.min(targetMillis - now, 100));
    }
    return now;
  }
}
