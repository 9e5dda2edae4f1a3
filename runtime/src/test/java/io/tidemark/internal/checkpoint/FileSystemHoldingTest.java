package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A context holds its checkpoint directory's filesystem only while it runs. */
class FileSystemHoldingTest {

  @TempDir
  Path dir;

  private StreamingContext context() {
    return StreamingContext.getOrCreate("counting://" + dir.resolve("ckpt"), CountingFileSystem.configuration(), () -> {
      StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).clock(new ManualClock()).build();
      context.queueStream(new ConcurrentLinkedQueue<List<String>>(), true).print();
      return context;
    });
  }

  @Test
  void aContextThatIsNeverStartedHoldsNoFileSystemAndOneThatRanReleasesItsOnStop() {
    int before = CountingFileSystem.OPEN.get();
    StreamingContext neverStarted = context();
    assertThat(CountingFileSystem.OPEN).as("after getOrCreate").hasValue(before);

    StreamingContext running = context();
    running.start();
    assertThat(CountingFileSystem.OPEN).as("while running").hasValue(before + 1);
    running.stop(false);
    assertThat(CountingFileSystem.OPEN).as("after stop").hasValue(before);
    neverStarted.close();
    assertThat(CountingFileSystem.OPEN).hasValue(before);
  }
}
