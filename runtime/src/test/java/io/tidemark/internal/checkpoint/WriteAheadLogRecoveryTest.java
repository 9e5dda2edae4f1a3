package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.internal.source.LineServer;
import io.tidemark.stream.DStream;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A socket receiver with the write-ahead log on, stopped abruptly with batches pending and lines
 * received that no batch holds yet: a restart outputs every line reported received exactly once.
 */
class WriteAheadLogRecoveryTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @TempDir
  Path tmp;

  private static List<String> lines(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).toList();
  }

  /** The first run's batch at 2 s: its stage work waits for {@code proceed}, then its output fails (the "crash"). */
  private static final class Interruption {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch proceed = new CountDownLatch(1);
    volatile boolean armed = true;

    List<String> pass(long batchTime, List<String> batch) {
      if (armed && batchTime == 2000) {
        entered.countDown();
        try {
          proceed.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return batch;
    }
  }

  /** Lines from the socket at {@code port}, collected into {@code out}; the socket stream is put in {@code socket}. */
  private static StreamingContext pipeline(ManualClock clock, int port, List<String> out, Interruption interruption,
      AtomicReference<DStream<String>> socket) {
    StreamingContext context = StreamingContext.builder(SECOND).clock(clock).parallelism(2).writeAheadLog(true)
        .checkpointInterval(Duration.ofSeconds(10)).build();
    socket.set(context.socketTextStream("127.0.0.1", port));
    socket.get().transform((time, batch) -> interruption.pass(time.milliseconds(), batch)).foreachBatch((time, batch) -> {
      if (interruption.armed && time.milliseconds() == 2000) {
        throw new IllegalStateException("crash while writing the output of " + time);
      }
      out.addAll(batch);
    });
    return context;
  }

  @Test
  void everyLineReportedReceivedIsOutputExactlyOnceAfterAnAbruptStop() throws Exception {
    String ckpt = tmp.resolve("ckpt").toString();
    List<String> out = new CopyOnWriteArrayList<>();
    Interruption interruption = new Interruption();
    ManualClock clock = new ManualClock();
    AtomicReference<DStream<String>> socket = new AtomicReference<>();
    try (LineServer server = new LineServer()) {
      StreamingContext first = StreamingContext.getOrCreate(ckpt,
          () -> pipeline(clock, server.port(), out, interruption, socket));
      try (StreamingTestHarness h = new StreamingTestHarness(first, clock)) {
        h.start();
        server.send(lines(1, 5));
        h.awaitReceived(socket.get(), 5);
        h.runBatches(1); // 1 s: lines 1-5, output
        server.send(lines(6, 10));
        h.awaitReceived(socket.get(), 10);
        clock.advance(SECOND); // 2 s: lines 6-10, held in its stage work
        interruption.entered.await();
        server.send(lines(11, 15));
        h.awaitReceived(socket.get(), 15);
        clock.advance(SECOND); // 3 s: lines 11-15, queued behind 2 s
        clock.awaitWaiter(4000);
        server.send(lines(16, 20));
        h.awaitReceived(socket.get(), 20); // in no batch
        interruption.proceed.countDown(); // 2 s records itself pending with 3 s, then fails in its output
      } // an abrupt stop: nothing more runs
    }
    assertThat(out).containsExactlyElementsOf(lines(1, 5));

    interruption.armed = false;
    ManualClock restartClock = new ManualClock(clock.nowMillis());
    try (LineServer server = new LineServer()) {
      StreamingContext second = StreamingContext.getOrCreate(ckpt,
          () -> pipeline(restartClock, server.port(), out, interruption, socket));
      try (StreamingTestHarness h = new StreamingTestHarness(second, restartClock)) {
        h.start(); // runs the pending 2 s and 3 s from their logged blocks
        server.send(lines(21, 22));
        h.awaitReceived(socket.get(), 2);
        second.stop(true); // the lines logged in no batch, then those received since, in batches of their own
      }
    }
    assertThat(out).containsExactlyElementsOf(lines(1, 22));
  }

}
