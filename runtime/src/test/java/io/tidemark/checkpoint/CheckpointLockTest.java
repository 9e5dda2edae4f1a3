package io.tidemark.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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

  @Test
  void aLockWhoseHeartbeatIsOlderThanTheLeaseIsTakenOver() throws Exception {
    Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
    Files.writeString(ckpt.resolve("_lock"),
        "{\"host\":\"crashed-host\",\"pid\":4242,\"startedAt\":0,\"heartbeat\":0}");
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
