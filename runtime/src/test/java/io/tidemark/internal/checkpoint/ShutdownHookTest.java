package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a JVM running a context from getOrCreate: the shutdown hook stops it gracefully. */
class ShutdownHookTest {

  @TempDir
  Path tmp;

  @Test
  void sigtermWritesAFinalCheckpointBeforeTheJvmExits() throws Exception {
    Path ckpt = tmp.resolve("ckpt");
    Path stderr = tmp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.log.io.tidemark.stream=info", ShutdownHookMain.class.getName(), ckpt.toString())
        .redirectError(stderr.toFile())
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null && !line.startsWith("completed "); ) {
        // wait (on the child's output, bounded by the tests' timeout) for a batch to complete
      }
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child exited; its log:%n%s", stderr).isTrue();
    } finally {
      child.destroyForcibly();
    }
    String log = Files.readString(stderr);
    assertThat(log).contains("The JVM is shutting down: stopping pipeline gracefully");
    CheckpointMetadata last = GracefulStopTest.newestMetadata(ckpt);
    assertThat(last.lastCompletedBatch()).as(log).isPresent();
    assertThat(last.stateTime()).as("the final state checkpoint, not an hourly one").isEqualTo(last.lastCompletedBatch());
    assertThat(last.pending()).isEmpty();
    assertThat(ckpt.resolve("_lock")).as("released").doesNotExist();
  }
}
