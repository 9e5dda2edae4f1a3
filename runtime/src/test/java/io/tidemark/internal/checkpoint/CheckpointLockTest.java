package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointLockTest {

  @TempDir
  Path dir;

  private static StreamingContext pipeline(ManualClock clock) {
    StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).clock(clock).parallelism(1).build();
    context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true).print();
    return context;
  }

  @Test
  void aSecondLiveInstanceIsRefusedWithTheOwnerNamed() {
    String ckpt = dir.resolve("ckpt").toString();
    StreamingContext first = StreamingContext.getOrCreate(ckpt, () -> pipeline(new ManualClock()));
    first.start();
    try {
      assertThatThrownBy(() -> StreamingContext.getOrCreate(ckpt, () -> pipeline(new ManualClock())))
          .isInstanceOf(CheckpointException.class)
          .hasMessageStartingWith("The checkpoint directory file:" + ckpt + " is in use by pid "
              + ProcessHandle.current().pid() + " on ")
          .hasMessageContaining("whose last heartbeat was ")
          .hasMessageEndingWith("(lease 30000 ms). Stop that instance first; if it has died, a restart after the lease"
              + " has expired takes the directory over");
    } finally {
      first.stop(false);
    }
    // stopped: the directory is free again
    StreamingContext.getOrCreate(ckpt, () -> pipeline(new ManualClock())).close();
  }

  /** A lock left by a crashed owner: its heartbeat (the file's modification time) is long past. */
  private static void staleLock(Path ckpt) throws Exception {
    Path lock = Files.writeString(ckpt.resolve("_lock"), "{\"host\":\"crashed-host\",\"pid\":4242,\"startedAt\":0}");
    Files.setLastModifiedTime(lock, FileTime.fromMillis(0));
  }

  /**
   * {@code instances} contexts on {@code ckpt}, each recovered by getOrCreate, then all started at the
   * same instant; returns the ones that started (the others must have been refused) and stops them.
   */
  private static int startRacing(Path ckpt, int instances) throws Exception {
    CyclicBarrier together = new CyclicBarrier(instances);
    ExecutorService threads = Executors.newFixedThreadPool(instances);
    List<Future<StreamingContext>> starts = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      starts.add(threads.submit(() -> {
        StreamingContext context = StreamingContext.getOrCreate(ckpt.toString(), () -> pipeline(new ManualClock()));
        together.await();
        try {
          context.start();
          return context;
        } catch (CheckpointException refused) {
          assertThat(refused).hasMessageContaining(ckpt.toString());
          return null;
        }
      }));
    }
    List<StreamingContext> started = new ArrayList<>();
    for (Future<StreamingContext> start : starts) {
      StreamingContext context = start.get();
      if (context != null) {
        started.add(context);
      }
    }
    threads.shutdown();
    started.forEach(context -> context.stop(false));
    return started.size();
  }

  @Test
  void ofManyInstancesStartingAtTheSameInstantExactlyOneTakesTheDirectory() throws Exception {
    for (int round = 0; round < 20; round++) {
      assertThat(startRacing(dir.resolve("ckpt-" + round), 6)).as("round %d", round).isEqualTo(1);
    }
  }

  @Test
  void ofManyInstancesFindingTheSameStaleLockExactlyOneTakesItOver() throws Exception {
    for (int round = 0; round < 10; round++) {
      Path ckpt = Files.createDirectories(dir.resolve("ckpt-" + round));
      staleLock(ckpt);
      int[] winners = {0};
      String log = CapturedStderr.of(() -> winners[0] = startRacing(ckpt, 6));
      assertThat(winners[0]).as("round %d", round).isEqualTo(1);
      assertThat(log.split("Taking over the checkpoint directory", -1)).as("round %d", round).hasSize(2);
      assertThat(log).contains("WARN", "its lock of pid 4242 on crashed-host", "has had no heartbeat for",
          "longer than the lease of 30000 ms");
      assertThat(ckpt.resolve("_lock.takeover")).doesNotExist();
    }
  }

  @Test
  void aLockWhoseHeartbeatIsOlderThanTheLeaseIsTakenOver() throws Exception {
    Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
    staleLock(ckpt);
    StreamingContext context = StreamingContext.getOrCreate(ckpt.toString(), () -> pipeline(new ManualClock()));
    context.start();
    try {
      assertThat(Files.readString(ckpt.resolve("_lock")))
          .contains("\"pid\":" + ProcessHandle.current().pid()).doesNotContain("crashed-host");
    } finally {
      context.stop(false);
    }
    assertThat(ckpt.resolve("_lock")).doesNotExist();
  }
}
