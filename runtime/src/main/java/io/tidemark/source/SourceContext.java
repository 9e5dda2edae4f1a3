package io.tidemark.source;

import io.tidemark.engine.Clock;
import java.util.function.LongConsumer;

/**
 * What a started source gets from the engine.
 *
 * @param sourceId the source stage's id
 * @param startTimeMillis the clock time when the context started
 * @param receivedProgress told a receiver's running total of records received
 */
public record SourceContext(String sourceId, Clock clock, long startTimeMillis, LongConsumer receivedProgress) {

  public void reportReceived(long totalRecords) {
    receivedProgress.accept(totalRecords);
  }
}
