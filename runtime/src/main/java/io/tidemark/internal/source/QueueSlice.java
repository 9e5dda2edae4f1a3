package io.tidemark.internal.source;

/**
 * The input of a batch from a queue: the indexes {@code [fromIndex, toIndex)} of the queue elements it
 * took (elements are numbered in the order they were taken), or the default batch.
 */
public record QueueSlice(long fromIndex, long toIndex, boolean defaultBatch) implements InputDescriptor {

  public static final String TYPE = "queue";

  @Override
  public String type() {
    return TYPE;
  }
}
