package io.tidemark.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.testing.BatchRecorder;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files in a temporary directory; modification times are set on the pipeline's manual clock scale. */
class DirectorySourceTest {

  @TempDir
  Path dir;

  private void write(String name, long modifiedMillis, String... lines) throws Exception {
    Path file = Files.write(dir.resolve(name), List.of(lines));
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
  }

  @Test
  void eachBatchTakesTheNewFilesOnce() throws Exception {
    try (StreamingTestHarness h = new StreamingTestHarness(Duration.ofSeconds(1), 2)) {
      h.clock().setTime(10_000);
      BatchRecorder<String> out = h.collect(h.context().textFileStream(dir));
      write("old.txt", 5_000, "before the start");
      h.start();
      write("first.txt", 10_500, "a", "b");
      // written as the source started, stamped by a filesystem clock a tick behind the pipeline's
      write("lagging.txt", 9_996, "just new");
      write("future.txt", 12_900, "later");
      h.runBatches(1);
      write("second.txt", 11_700, "d");
      write("third.txt", 11_200, "c");
      write(".inprogress", 11_300, "hidden");
      write("_temporary", 11_300, "hidden");
      h.runBatches(2);
      assertThat(out.times()).extracting(t -> t.milliseconds()).containsExactly(11_000L, 12_000L, 13_000L);
      assertThat(out.batches()).containsExactly(List.of("just new", "a", "b"), List.of("c", "d"), List.of("later"));
    }
  }

  /**
   * A restart from a checkpoint after ten minutes down: what arrived meanwhile is new, although it is older
   * than the first batch after the restart by more than the time files are remembered for.
   */
  @Test
  void afterALongDowntimeTakesTheFilesThatArrivedMeanwhileAndNoneTwice() throws Exception {
    DirectorySource before = started(new DirectorySource(dir), 10_000);
    write("first.txt", 10_500, "a");
    assertThat(before.read(before.plan(11_000))).containsExactly("a");
    write("late.txt", 11_500, "b"); // arrives while the job goes down after batch 11 000

    DirectorySource after = started(new DirectorySource(dir), 700_000);
    after.resume(before.position(), List.of());
    write("meanwhile.txt", 400_000, "c");
    write("justBefore.txt", 699_000, "d");

    assertThat(after.read(after.plan(701_000))).containsExactly("b", "c", "d");
    assertThat(after.read(after.plan(702_000))).isEmpty();
  }

  private static DirectorySource started(DirectorySource source, long startMillis) {
    source.start(new SourceContext("lines", new ManualClock(startMillis), startMillis, total -> { },
        sourceId -> Optional.empty()));
    return source;
  }
}
