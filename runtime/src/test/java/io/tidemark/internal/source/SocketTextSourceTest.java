package io.tidemark.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.StreamingListener;
import io.tidemark.stream.DStream;
import io.tidemark.testing.BatchRecorder;
import io.tidemark.testing.StreamingTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A real TCP server on the loopback interface feeding the socket source's receiver. */
class SocketTextSourceTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void receivesLinesAtMostMaxRatePerSecondOfThePipelineClock() throws Exception {
    List<String> lines = IntStream.range(0, 10).mapToObj(i -> "line " + i).toList();
    List<String> violations = new CopyOnWriteArrayList<>();
    try (LineServer server = new LineServer();
         StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      h.context().addStreamingListener(new StreamingListener() {
        @Override
        public void onReceiverProgress(String sourceId, long received) {
          long allowed = 3 * (h.clock().nowMillis() / 1000 + 1);
          if (received > allowed) {
            violations.add(received + " lines received by " + h.clock().nowMillis() + " ms");
          }
        }
      });
      DStream<String> stream = h.context().socketTextStream("127.0.0.1", server.port(), 3);
      BatchRecorder<String> out = h.collect(stream);
      h.start();
      server.send(lines);
      h.awaitReceived(stream, 3); // then the receiver waits for the clock's next second
      assertThat(h.received(stream)).isEqualTo(3);
      // each second of the clock allows 3 more lines (a second the receiver sleeps through is not made up)
      while (h.received(stream) < lines.size()) {
        h.runBatches(1);
      }
      h.runBatches(1);
      List<String> all = new ArrayList<>();
      out.batches().forEach(all::addAll);
      assertThat(all).isEqualTo(lines);
      // planned at 1 s: the 3 lines of second 0, and up to 3 of second 1 if the receiver woke first
      assertThat(out.batches().get(0)).hasSizeBetween(3, 6);
      assertThat(violations).isEmpty();
    }
  }

  @Test
  void gracefulStopProcessesReceivedLines() throws Exception {
    List<String> lines = List.of("first", "second", "third");
    try (LineServer server = new LineServer();
         StreamingTestHarness h = new StreamingTestHarness(SECOND, 2)) {
      DStream<String> stream = h.context().socketTextStream("127.0.0.1", server.port());
      BatchRecorder<String> out = h.collect(stream);
      h.start();
      server.send(lines);
      h.awaitReceived(stream, 3);
      h.context().stop(true);
      assertThat(out.batches()).containsExactly(lines);
    }
  }
}
