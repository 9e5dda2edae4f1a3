package io.tidemark.internal.source;

/** The position of a queue source: how many queue elements it has taken. */
public record QueuePosition(long nextIndex) implements SourcePosition {

  public static final String TYPE = "queuePosition";

  @Override
  public String type() {
    return TYPE;
  }
}
