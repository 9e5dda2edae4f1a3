package io.tidemark.internal.source;

/**
 * The position of a receiver that logs to a write-ahead log: every record that starts before ({@code
 * segment}, {@code offset}) has been allocated to a batch; the later ones were received and not yet
 * allocated, and a restart allocates them to its first batches.
 */
public record WalPosition(long segment, long offset) implements SourcePosition {

  public static final String TYPE = "walPosition";
  /** Nothing allocated yet. */
  public static final WalPosition START = new WalPosition(0, 0);

  /** The position just past the start of {@code range}: it and every record before it are allocated. */
  public static WalPosition after(WalRange range) {
    return new WalPosition(range.segment(), range.offset() + 1);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
