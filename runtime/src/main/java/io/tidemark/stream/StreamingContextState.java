package io.tidemark.stream;

/** The lifecycle of a {@link StreamingContext}: a stopped context can never be started again. */
public enum StreamingContextState {
  INITIALIZED,
  ACTIVE,
  STOPPED
}
