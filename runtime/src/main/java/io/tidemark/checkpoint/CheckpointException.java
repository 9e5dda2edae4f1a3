package io.tidemark.checkpoint;

/**
 * A checkpoint directory that cannot be used as it is: unreadable, unwritable, damaged, or owned by
 * another running instance. The message names the file or directory and what to do about it.
 */
public class CheckpointException extends RuntimeException {

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
