package io.tidemark.internal.checkpoint;

import io.tidemark.function.Durations;
import java.time.Duration;

/**
 * How a pipeline checkpoints.
 *
 * @param interval how often the state is written (a data checkpoint); a multiple of the batch interval
 * @param retainedMetadata how many of the newest metadata files are kept (the state they reference is
 *     kept with them); at least 2, so a damaged newest file always has a predecessor
 * @param lockLease how long the directory's lock stays valid without a heartbeat from its owner
 * @param writeAheadLog whether receivers log each received block before counting it as received
 */
public record CheckpointOptions(Duration interval, int retainedMetadata, Duration lockLease, boolean writeAheadLog) {

  /** The default retention: the newest 3 metadata files (a damaged one has two to fall back on). */
  public static final int DEFAULT_RETAINED_METADATA = 3;
  /** The default lease: a dead owner's directory is taken over 30 s after its last heartbeat. */
  public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(30);
  private static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(10);

  /**
   * Checks the options against the batch interval; a null {@code interval} becomes the default, the
   * smallest multiple of the batch interval that is at least 10 s.
   *
   * @throws IllegalArgumentException naming the bad value and what would be valid
   */
  public static CheckpointOptions of(Duration interval, int retainedMetadata, Duration lockLease,
      Duration batchInterval) {
    long batch = batchInterval.toMillis();
    if (interval == null) {
      long multiples = Math.max(1, (DEFAULT_MIN_INTERVAL.toMillis() + batch - 1) / batch);
      interval = Duration.ofMillis(multiples * batch);
    } else if (interval.toMillis() < batch || interval.toMillis() % batch != 0) {
      long lower = Math.max(batch, interval.toMillis() / batch * batch);
      throw new IllegalArgumentException("The checkpoint interval " + Durations.format(interval) + " must be a multiple"
          + " of the batch interval " + Durations.format(batchInterval) + " (and at least one batch interval): use "
          + Durations.format(Duration.ofMillis(lower)) + " or " + Durations.format(Duration.ofMillis(lower + batch)));
    }
    if (retainedMetadata < 2) {
      throw new IllegalArgumentException("At least 2 metadata checkpoints must be retained, got " + retainedMetadata
          + ": a damaged newest one needs a predecessor to fall back on");
    }
    if (lockLease.isNegative() || lockLease.isZero()) {
      throw new IllegalArgumentException("The checkpoint lock lease must be positive, got " + Durations.format(lockLease));
    }
    return new CheckpointOptions(interval, retainedMetadata, lockLease, false);
  }

  /** These options with the write-ahead log of receivers on or off. */
  public CheckpointOptions withWriteAheadLog(boolean on) {
    return new CheckpointOptions(interval, retainedMetadata, lockLease, on);
  }
}
