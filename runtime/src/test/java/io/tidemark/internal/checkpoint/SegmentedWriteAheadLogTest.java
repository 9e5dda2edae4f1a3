package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.internal.source.WalPosition;
import io.tidemark.internal.source.WalRange;
import io.tidemark.internal.source.WriteAheadLog;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log's segment format and lifecycle, on the local filesystem. */
class SegmentedWriteAheadLogTest {

  private static final int HEADER = WalSegment.HEADER_BYTES;

  @TempDir
  Path dir;
  private CheckpointStore store;

  @BeforeEach
  void open() {
    store = CheckpointStore.open(dir.toString(), new Configuration());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Path segment(long number) {
    return dir.resolve("wal/socket-0/segment-" + number);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<WriteAheadLog.Record> records) {
    return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
  }

  /** Logs {@code records} in one run (segments rolled at {@code segmentBytes}) and closes the log. */
  private List<WalRange> logged(long segmentBytes, String... records) {
    List<WalRange> ranges = new ArrayList<>();
    try (SegmentedWriteAheadLog log = SegmentedWriteAheadLog.open(store, "socket-0", segmentBytes)) {
      for (String record : records) {
        ranges.add(log.append(bytes(record)));
      }
    }
    return ranges;
  }

  private List<WriteAheadLog.Record> recovered(WalPosition from) {
    try (SegmentedWriteAheadLog log = SegmentedWriteAheadLog.open(store, "socket-0", 1 << 20)) {
      return log.recover(from);
    }
  }

  @Test
  void recordsAreFramedReadBackByRangeAndRolledIntoNewSegments() throws Exception {
    List<WalRange> ranges = logged(30, "alpha", "beta", "gamma", "delta");
    // header 12 bytes, each frame 8 + payload: a segment is rolled once it has reached 30 bytes (after beta, at 37)
    assertThat(ranges).containsExactly(new WalRange(0, HEADER, 5), new WalRange(0, HEADER + 13, 4),
        new WalRange(1, HEADER, 5), new WalRange(1, HEADER + 13, 5));
    byte[] segment0 = Files.readAllBytes(segment(0));
    assertThat(new String(segment0, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("TIDEMWAL");
    assertThat(ByteBuffer.wrap(segment0, HEADER, 4).getInt()).isEqualTo(5);
    try (SegmentedWriteAheadLog log = SegmentedWriteAheadLog.open(store, "socket-0", 30)) {
      assertThat(new String(log.read(ranges.get(3)), StandardCharsets.UTF_8)).isEqualTo("delta");
      assertThat(texts(log.recover(WalPosition.START))).containsExactly("alpha", "beta", "gamma", "delta");
      assertThat(texts(log.recover(WalPosition.after(ranges.get(1))))).containsExactly("gamma", "delta");
      // a new run appends to a segment of its own, never after an earlier run's last record
      assertThat(log.append(bytes("epsilon"))).isEqualTo(new WalRange(2, HEADER, 7));
      assertThat(texts(log.recover(WalPosition.START))).containsExactly("alpha", "beta", "gamma", "delta");
    }
  }

  @Test
  void segmentsBeforeTheOldestNeededAreDeletedButNeverTheOneBeingWritten() {
    logged(20, "one", "two", "three");
    try (SegmentedWriteAheadLog log = SegmentedWriteAheadLog.open(store, "socket-0", 20)) {
      WalRange own = log.append(bytes("four"));
      log.deleteSegmentsBefore(2);
      assertThat(segment(0)).doesNotExist();
      assertThat(segment(1)).doesNotExist();
      assertThat(segment(2)).exists();
      log.deleteSegmentsBefore(Long.MAX_VALUE);
      assertThat(segment(own.segment())).exists();
    }
  }

  @Test
  void aTornLastRecordIsDroppedWithAWarningNamingTheFileAndOffset() throws Exception {
    logged(1 << 20, "first", "second", "third");
    long length = Files.size(segment(0));
    try (RandomAccessFile file = new RandomAccessFile(segment(0).toFile(), "rw")) {
      file.setLength(length - 2); // the crash hit in the middle of the third append
    }
    List<String>[] records = new List[1];
    String log = CapturedStderr.of(() -> records[0] = texts(recovered(WalPosition.START)));
    assertThat(records[0]).containsExactly("first", "second");
    assertThat(log).contains("WARN", "Dropping a torn record at the end of the write-ahead log segment file:"
        + segment(0) + ", offset " + (HEADER + 13 + 14) + " (11 bytes)", "never counted as received");
  }

  @Test
  void aCorruptRecordInTheMiddleIsRefusedNamingSegmentOffsetAndTheFix() throws Exception {
    logged(1 << 20, "first", "second", "third");
    try (RandomAccessFile file = new RandomAccessFile(segment(0).toFile(), "rw")) {
      file.seek(HEADER + 13 + 8); // the first byte of "second"
      file.write('S');
    }
    assertThatThrownBy(() -> recovered(WalPosition.START))
        .isInstanceOf(CheckpointException.class)
        .hasMessageStartingWith("The write-ahead log segment file:" + segment(0) + " is damaged at offset "
            + (HEADER + 13) + ": the CRC32C of its 6-byte record does not match")
        .hasMessageEndingWith("Restore the segment from a backup; or, to go on without them (they are lost), truncate"
            + " it to " + (HEADER + 13) + " bytes and restart");
  }

  @Test
  void aHostileLengthIsBoundedByTheBytesTheSegmentHasLeft() throws Exception {
    logged(1 << 20, "first");
    Files.write(segment(0), ByteBuffer.allocate(12).putInt(Integer.MAX_VALUE).putInt(0).putInt(7).array(),
        java.nio.file.StandardOpenOption.APPEND);
    String log = CapturedStderr.of(() -> assertThat(texts(recovered(WalPosition.START))).containsExactly("first"));
    assertThat(log).contains("its length 2147483647 exceeds the 4 bytes that follow");

    WalRange hostile = new WalRange(0, HEADER + 13, Integer.MAX_VALUE);
    try (SegmentedWriteAheadLog wal = SegmentedWriteAheadLog.open(store, "socket-0", 1 << 20)) {
      assertThatThrownBy(() -> wal.read(hostile)).isInstanceOf(CheckpointException.class)
          .hasMessageContaining("is damaged at offset 25: a checkpoint references a record of 2147483647 bytes there,"
              + " but the segment has 37 bytes");
    }
  }

  @Test
  void aNegativeLengthAndAForeignFileAreRefused() throws Exception {
    logged(1 << 20, "first");
    Files.write(segment(0), ByteBuffer.allocate(12).putInt(-5).putInt(0).putInt(7).array(),
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> recovered(WalPosition.START)).isInstanceOf(CheckpointException.class)
        .hasMessageContaining("is damaged at offset 25: the record length -5 is negative");

    Files.writeString(segment(0), "not a log segment at all");
    assertThatThrownBy(() -> recovered(WalPosition.START)).isInstanceOf(CheckpointException.class)
        .hasMessage("file:" + segment(0) + " is not a Tidemark write-ahead log segment (wrong magic). Move it out of the"
            + " directory file:" + dir.resolve("wal/socket-0") + ", which holds only log segments");
  }

  @Test
  void aMissingSegmentThatACheckpointReferencesIsNamed() {
    try (SegmentedWriteAheadLog log = SegmentedWriteAheadLog.open(store, "socket-0", 1 << 20)) {
      assertThatThrownBy(() -> log.read(new WalRange(7, HEADER, 3))).isInstanceOf(CheckpointException.class)
          .hasMessageStartingWith("The write-ahead log segment file:" + segment(7) + " is missing, but a checkpoint"
              + " references its record at offset 12");
    }
  }
}
