package io.tidemark.function;

/** Wall-clock time: {@link Clock#system()}. */
final class SystemClock implements Clock {

  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

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
