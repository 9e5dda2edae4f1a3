package io.tidemark.schema;

/**
 * Bytes that are not a valid encoding: truncated, corrupted, hostile, or written with a schema this
 * reader does not know. Carries the byte position where decoding stopped and the reason.
 */
public final class CheckpointFormatException extends RuntimeException {

  private final long position;
  private final String reason;

  public CheckpointFormatException(long position, String reason) {
    super("at byte " + position + ": " + reason);
    this.position = position;
    this.reason = reason;
  }

  /** The offset from the start of the input where the bad value starts or the input ran out. */
  public long position() {
    return position;
  }

  public String reason() {
    return reason;
  }
}
