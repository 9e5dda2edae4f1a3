package io.tidemark.internal.source;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a Kafka source starts reading the partitions its checkpoint knows nothing about: every partition
 * on a fresh start, the partitions of a topic an upgrade added. Partitions that appear while the
 * pipeline runs are read from their earliest offset, whatever this says: their records arrived after
 * the source started watching.
 *
 * @param timestampMillis for {@link Kind#TIMESTAMP}: the first record at or after this time
 */
public record StartingOffsets(Kind kind, long timestampMillis) {

  public enum Kind {
    /** The oldest record still in the log. */
    EARLIEST,
    /** Only records written after the source started. */
    LATEST,
    /** The consumer group's committed offsets ({@code group.id}); earliest where the group has none. */
    COMMITTED,
    /** The first record whose timestamp is at or after a time; the end of the log where there is none. */
    TIMESTAMP
  }

  public static final StartingOffsets EARLIEST = new StartingOffsets(Kind.EARLIEST, 0);
  public static final StartingOffsets LATEST = new StartingOffsets(Kind.LATEST, 0);
  public static final StartingOffsets COMMITTED = new StartingOffsets(Kind.COMMITTED, 0);

  public static StartingOffsets timestamp(Instant time) {
    return new StartingOffsets(Kind.TIMESTAMP, time.toEpochMilli());
  }

  /**
   * Parses {@code earliest}, {@code latest}, {@code committed}, epoch milliseconds or an ISO-8601 instant.
   *
   * @throws IllegalArgumentException naming {@code key} and the allowed values
   */
  static StartingOffsets parse(String key, String value) {
    switch (value) {
      case "earliest":
        return EARLIEST;
      case "latest":
        return LATEST;
      case "committed":
        return COMMITTED;
      default:
        break;
    }
    try {
      return new StartingOffsets(Kind.TIMESTAMP, value.chars().allMatch(Character::isDigit) && !value.isEmpty()
          ? Long.parseLong(value) : Instant.parse(value).toEpochMilli());
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("The Kafka source option " + key + " must be earliest, latest, committed,"
          + " a timestamp in epoch milliseconds or an ISO-8601 instant (2024-05-01T00:00:00Z), got \"" + value + "\"");
    }
  }

  @Override
  public String toString() {
    return kind == Kind.TIMESTAMP ? "the offsets at " + Instant.ofEpochMilli(timestampMillis) : kind.name().toLowerCase();
  }
}
