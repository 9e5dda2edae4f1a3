package io.tidemark.stream;

/**
 * An input of a pipeline as a value, returned by a {@code @Source} method: it creates its stream on a
 * context through the public API only, so the same spec works on any engine that implements it.
 */
@FunctionalInterface
public interface SourceSpec<T> {

  /** Creates this source's input stream on {@code context}. */
  DStream<T> attach(StreamingContext context);
}
