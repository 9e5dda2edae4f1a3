package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.drill.CrashPoint.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash drills of {@link DrilledWordCount} with the directory source and the text-file sink: child JVMs
 * SIGKILLed at seeded random moments, or halted at chosen points of the checkpoint's writes, restarted
 * each time on the same checkpoint; the output must be exactly once, equal to an uncrashed run's.
 */
class FileSinkCrashDrillTest {

  private static final long SEED = 20_261_121L;
  private static final int FILES = 120;
  private static final Path WORK = Path.of("target", "drills");
  private static WordCountOutput uncrashed;

  @BeforeAll
  static void runUncrashed() throws Exception {
    try (WordCountDrill drill = new WordCountDrill(WORK.resolve("uncrashed"), new SeededInput(SEED, FILES))) {
      drill.start();
      drill.awaitFirstCheckpoint();
      uncrashed = drill.finish();
    }
  }

  @Test
  void sigkilledAtRandomMomentsTwentyFiveTimes() throws Exception {
    int kills = 25;
    SeededInput input = new SeededInput(SEED, FILES);
    try (WordCountDrill drill = new WordCountDrill(WORK.resolve("sigkill"), input)) {
      Random random = new Random(SEED);
      drill.start();
      drill.awaitFirstCheckpoint();
      for (int kill = 0; kill < kills; kill++) {
        // the child is killed anywhere from JVM start-up through recovery to batches writing checkpoints and output
        Thread.sleep(100 + random.nextInt(1200));
        drill.feed(FILES / kills);
        Thread.sleep(random.nextInt(1200));
        drill.kill();
        drill.start();
      }
      assertExactlyOnceAsUncrashed(drill.finish(), input);
    }
  }

  /**
   * Batches of 5 ms, shorter than one takes to run with its two outputs and checkpoints, so the run is
   * mostly behind schedule (the children's median scheduling delay is above the interval): batches
   * leave their completion to the next batch's pending record, and the kills land between a batch's
   * outputs and that record as well as everywhere else.
   */
  @Test
  void sigkilledWhileBehindScheduleTwentyTimes() throws Exception {
    int kills = 20;
    SeededInput input = new SeededInput(SEED, FILES);
    Path work = WORK.resolve("sigkill-behind");
    try (WordCountDrill drill = new WordCountDrill(work, work.resolve("checkpoint").toString(),
        Duration.ofMillis(5), input)) {
      Random random = new Random(SEED + 1);
      drill.start();
      drill.awaitFirstCheckpoint();
      for (int kill = 0; kill < kills; kill++) {
        drill.feed(FILES / kills);
        Thread.sleep(300 + random.nextInt(900));
        drill.kill();
        drill.start();
      }
      assertExactlyOnceAsUncrashed(drill.finish(), input);
    }
  }

  @Test
  void haltedWhileWritingCheckpoints() throws Exception {
    List<CrashPoint> crashPoints = List.of(
        CrashPoint.before(Operation.RENAME, "/metadata/", 3),  // a metadata temp file written, not renamed
        CrashPoint.after(Operation.RENAME, "/metadata/", 6),   // a batch recorded pending, its outputs not run
        CrashPoint.after(Operation.CREATE, "/state/", 1),      // an empty state temp file
        CrashPoint.before(Operation.RENAME, "/state/", 1),     // a state part file written, not renamed
        CrashPoint.after(Operation.RENAME, "/state/", 1),      // mid state directory: partition 0 of 2 written
        CrashPoint.after(Operation.RENAME, "/state/", 5),      // the same, at a later data checkpoint
        CrashPoint.before(Operation.DELETE, "/metadata/", 1),  // retention about to delete the oldest metadata
        CrashPoint.after(Operation.DELETE, "/metadata/", 2),   // retention: metadata deleted, its state not yet
        CrashPoint.after(Operation.DELETE, "/state/", 4),      // retention deleting state directories
        CrashPoint.before(Operation.RENAME, "/metadata/", 1)); // the first write after a recovery
    SeededInput input = new SeededInput(SEED, FILES);
    try (WordCountDrill drill = new WordCountDrill(WORK.resolve("crash-points"), input)) {
      drill.start();
      drill.awaitFirstCheckpoint();
      drill.kill();
      // each child recovers from the crash of the one before, then halts at its own crash point
      for (CrashPoint crashPoint : crashPoints) {
        drill.feed(FILES / crashPoints.size());
        drill.start(crashPoint);
        drill.awaitCrash(crashPoint);
      }
      drill.start();
      assertExactlyOnceAsUncrashed(drill.finish(), input);
    }
  }

  private static void assertExactlyOnceAsUncrashed(WordCountOutput crashed, SeededInput input) {
    Map<String, Long> expected = input.wordCounts();
    crashed.assertExactlyOnce(expected);
    uncrashed.assertExactlyOnce(expected);
    assertThat(crashed.summedCounts()).isEqualTo(uncrashed.summedCounts());
    assertThat(crashed.newestTotals()).isEqualTo(uncrashed.newestTotals());
  }
}
