package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.function.KV;
import io.tidemark.schema.Serializers;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged checkpoints: a damaged newest metadata or state file is skipped with a warning naming it and
 * the previous checkpoint is used; when none is intact the message names the files and the fix; the
 * damaged files are never overwritten or deleted by the attempt.
 */
class DamagedCheckpointTest {

  @TempDir
  Path dir;

  private final List<String> out = new CopyOnWriteArrayList<>();

  /** A running count of "a", state every batch, keeping 3 metadata files. */
  private Function<ManualClock, StreamingContext> counting() {
    return clock -> {
      StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).clock(clock).parallelism(2)
          .checkpointInterval(Duration.ofSeconds(1)).build();
      context.queueStream(new ConcurrentLinkedQueue<>(Collections.nCopies(10, List.of("a"))), true)
          .mapToPair(w -> KV.of(w, 1L))
          .updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
              (List<Long> values, Optional<Long> total) -> total.orElse(0L) + values.size())
          .foreachBatch((time, batch) -> out.add(time.milliseconds() + ": " + batch));
      return context;
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty", "truncated", "random"})
  void aDamagedNewestMetadataFileIsSkippedForThePreviousOne(String damage) throws Exception {
    Path ckpt = dir.resolve("ckpt");
    Restarts restarts = new Restarts(ckpt, counting());
    restarts.run(4);
    Path newest = ckpt.resolve("metadata/batch-4000.json");
    byte[] intact = Files.readAllBytes(newest);
    byte[] damaged = switch (damage) {
      case "empty" -> new byte[0];
      case "truncated" -> java.util.Arrays.copyOf(intact, intact.length / 2);
      default -> randomBytes(intact.length);
    };
    Files.write(newest, damaged);

    restarts.run(1);

    // recovered from batch-3000.json: the batch of 4 s went with its metadata, so its input, the fourth
    // queue element, is taken again by the batch of 5 s and counted once
    assertThat(out).containsExactly("1000: [(a,1)]", "2000: [(a,2)]", "3000: [(a,3)]", "4000: [(a,4)]",
        "5000: [(a,4)]");
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  private static void flipAByte(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(file, bytes);
  }

  @Test
  void aDamagedNewestStateFileFallsBackToThePreviousCheckpoint() throws Exception {
    Path ckpt = dir.resolve("ckpt");
    Restarts restarts = new Restarts(ckpt, counting());
    restarts.run(3);
    flipAByte(ckpt.resolve("state/totals/3000/part-0"));
    restarts.run(1);
    // recovered from batch-2000.json: the third queue element is taken again, by the batch of 4 s
    assertThat(out).containsExactly("1000: [(a,1)]", "2000: [(a,2)]", "3000: [(a,3)]", "4000: [(a,3)]");
  }

  @Test
  void aStateFileWithABadCrcSkipsItsCheckpointAndNamesIt() throws Exception {
    Path ckpt = dir.resolve("ckpt");
    new Restarts(ckpt, counting()).run(3);
    // every kept metadata file references damaged state: nothing intact to recover from
    for (long time : List.of(1000L, 2000L, 3000L)) {
      for (String part : List.of("part-0", "part-1")) {
        flipAByte(ckpt.resolve("state/totals/" + time + "/" + part));
      }
    }
    Map<String, String> before = DirectorySnapshot.of(ckpt);
    assertThatThrownBy(() -> new Restarts(ckpt, counting()).run(1))
        .isInstanceOf(CheckpointException.class)
        .hasMessageStartingWith("No intact checkpoint in file:" + ckpt)
        .hasMessageContaining("the state of file:" + ckpt + "/metadata/batch-3000.json is damaged: file:" + ckpt
            + "/state/totals/3000/part-")
        .hasMessageContaining("bad CRC32C")
        .hasMessageEndingWith("Nothing was changed. Restore the damaged files from a backup, or start with a new"
            + " checkpoint directory (the checkpointed state, source positions and pending batches are then lost)");
    assertThat(DirectorySnapshot.of(ckpt)).isEqualTo(before);
  }

  @Test
  void aStateFileOfAnUnknownSchemaIsRefusedByFingerprint() {
    byte[] written = StateFile.write(new io.tidemark.internal.checkpoint.StateSerializers<>(Serializers.strings(),
        Serializers.ints()), entries -> entries.accept("a", 1, 0));
    assertThatThrownBy(() -> StateFile.read(written, new io.tidemark.internal.checkpoint.StateSerializers<>(Serializers.strings(),
        Serializers.longs()), fingerprint -> null))
        .hasMessageStartingWith("at byte 17: wrong value fingerprint ")
        .hasMessageContaining("neither the current schema's")
        .hasMessageEndingWith("nor one in the checkpoint's schema table");
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsNamedWithTheFix() throws Exception {
    Path regularFile = Files.writeString(dir.resolve("not-a-directory"), "x");
    Path ckpt = regularFile.resolve("ckpt");
    Restarts restarts = new Restarts(ckpt, counting());
    assertThatThrownBy(() -> restarts.run(1))
        .isInstanceOf(CheckpointException.class)
        .hasMessageContaining("Cannot create file:" + ckpt + "/_lock")
        .hasMessageContaining("Check that the checkpoint directory file:" + ckpt
            + " is a directory this user can read and write, and that its filesystem is up");
    assertThat(Files.readString(regularFile)).isEqualTo("x");
  }

  @Test
  void aDirectoryWithoutPermissionIsNamedWithTheFix() throws Exception {
    Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root ignores permissions");
    Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
    ckpt.toFile().setWritable(false);
    try {
      assertThatThrownBy(() -> new Restarts(ckpt, counting()).run(1))
          .isInstanceOf(CheckpointException.class)
          .hasMessageContaining("is a directory this user can read and write");
    } finally {
      ckpt.toFile().setWritable(true);
    }
  }
}
