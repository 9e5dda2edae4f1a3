package io.tidemark.stream;

/**
 * An output of a pipeline as a value, returned by a {@code @Sink} method: it registers itself as an
 * output of a stream through the public API only.
 */
@FunctionalInterface
public interface SinkSpec<T> {

  /** Registers this output on {@code stream}, returning it (to give it an id). */
  Output attach(DStream<T> stream);
}
