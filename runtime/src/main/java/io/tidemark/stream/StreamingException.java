package io.tidemark.stream;

/** A batch failed; thrown by {@link StreamingContext#awaitTermination()} with the failure as cause. */
public class StreamingException extends RuntimeException {
  public StreamingException(String message, Throwable cause) {
    super(message, cause);
  }
}
