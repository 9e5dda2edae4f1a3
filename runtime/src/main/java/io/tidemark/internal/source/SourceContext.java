package io.tidemark.internal.source;

import io.tidemark.function.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * What a started source gets from the engine.
 *
 * @param sourceId the source stage's id
 * @param startTimeMillis the clock time when the context started
 * @param receivedProgress told a receiver's running total of records received
 * @param writeAheadLogs opens the write-ahead log of a source id; empty when the log is off
 */
public record SourceContext(String sourceId, Clock clock, long startTimeMillis, LongConsumer receivedProgress,
    Function<String, Optional<WriteAheadLog>> writeAheadLogs) {

  /** This source's write-ahead log, opened on the first call; empty when the context logs no received data. */
  public Optional<WriteAheadLog> writeAheadLog() {
    return writeAheadLogs.apply(sourceId);
  }

  public void reportReceived(long totalRecords) {
    receivedProgress.accept(totalRecords);
  }
}
