package io.tidemark.stream;

/** The built-in {@link SinkSpec}s. */
public final class Sinks {

  private Sinks() {}

  /**
   * Each batch as text files in the directory {@code prefix-<timeMs>}; a rerun of a batch replaces its
   * directory, so the output is idempotent per batch.
   */
  public static <T> SinkSpec<T> textFiles(String prefix) {
    return stream -> stream.saveAsTextFiles(prefix);
  }

  /** The first ten elements of each batch on standard output. */
  public static <T> SinkSpec<T> print() {
    return DStream::print;
  }
}
