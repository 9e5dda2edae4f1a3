package io.tidemark.internal.checkpoint;

import io.tidemark.checkpoint.CheckpointException;
import io.tidemark.internal.source.WalRange;
import io.tidemark.internal.source.WriteAheadLog;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binary form of one write-ahead log segment, {@code <dir>/wal/<sourceId>/segment-N}:
 *
 * <pre>
 * magic          8 bytes, "TIDEMWAL" (little-endian ASCII, as the state files' magic)
 * format version 4 bytes, big-endian
 * records        each: payload length (4 bytes, big-endian), CRC32C of the payload (4 bytes), payload
 * </pre>
 *
 * A record is only ever appended, so damage at the very end of a segment is a crash in the middle of
 * an append (a torn record, dropped with a warning), while a complete record whose CRC does not match
 * is damage to the log, refused. A length is never trusted beyond the bytes the segment has left.
 */
final class WalSegment {

  private static final Logger LOG = LoggerFactory.getLogger(WalSegment.class);
  /** "TIDEMWAL" as little-endian ASCII. */
  static final long MAGIC = 0x4C41574D45444954L;
  static final int FORMAT_VERSION = 1;
  static final int HEADER_BYTES = 12;
  static final int FRAME_HEADER_BYTES = 8;
  private static final String PREFIX = "segment-";

  private final Path file;
  private final long number;

  WalSegment(Path directory, long number) {
    this.file = new Path(directory, PREFIX + number);
    this.number = number;
  }

  /** The segment number of a file name, or -1 when the file is not a segment. */
  static long numberOf(Path path) {
    String name = path.getName();
    if (!name.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  Path file() {
    return file;
  }

  long number() {
    return number;
  }

  static byte[] header() {
    return ByteBuffer.allocate(HEADER_BYTES).putLong(Long.reverseBytes(MAGIC)).putInt(FORMAT_VERSION).array();
  }

  /** The frame of {@code payload}: length, CRC32C, payload. */
  static byte[] frame(byte[] payload) {
    return ByteBuffer.allocate(FRAME_HEADER_BYTES + payload.length).putInt(payload.length).putInt(crc(payload))
        .put(payload).array();
  }

  private static int crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  /**
   * The intact records of the segment, in order; a torn last record is left out with a warning naming
   * the file and its offset.
   *
   * @param length the segment's length in bytes
   * @throws CheckpointException if the segment is not a log segment or a record in it is damaged
   */
  List<WriteAheadLog.Record> readAll(FSDataInputStream stream, long length) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (length < HEADER_BYTES) {
      LOG.warn("Dropping the write-ahead log segment {}: only {} of its {} header bytes were written before a crash",
          file, length, HEADER_BYTES);
      return List.of();
    }
    checkHeader(in);
    long offset = HEADER_BYTES;
    List<WriteAheadLog.Record> records = new ArrayList<>();
    while (offset < length) {
      long remaining = length - offset - FRAME_HEADER_BYTES;
      if (remaining < 0) {
        warnTorn(offset, length, "its frame header is incomplete");
        break;
      }
      int payloadLength = in.readInt();
      int storedCrc = in.readInt();
      if (payloadLength < 0) {
        throw damaged(offset, "the record length " + payloadLength + " is negative");
      }
      if (payloadLength > remaining) {
        warnTorn(offset, length, "its length " + payloadLength + " exceeds the " + remaining + " bytes that follow");
        break;
      }
      byte[] payload = new byte[payloadLength];
      in.readFully(payload);
      checkCrc(offset, payload, storedCrc);
      records.add(new WriteAheadLog.Record(new WalRange(number, offset, payloadLength), payload));
      offset += FRAME_HEADER_BYTES + payloadLength;
    }
    return records;
  }

  /**
   * The payload of the record at {@code range}, checked against its frame.
   *
   * @throws CheckpointException if the record is not there intact
   */
  byte[] read(FSDataInputStream stream, long length, WalRange range) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (length < HEADER_BYTES) {
      throw damaged(0, "the segment has only " + length + " bytes, no record");
    }
    checkHeader(in);
    long end = range.offset() + FRAME_HEADER_BYTES + (long) range.length();
    if (range.offset() < HEADER_BYTES || range.length() < 0 || end > length) {
      throw damaged(range.offset(), "a checkpoint references a record of " + range.length() + " bytes there, but the"
          + " segment has " + length + " bytes");
    }
    stream.seek(range.offset());
    int payloadLength = in.readInt();
    int storedCrc = in.readInt();
    if (payloadLength != range.length()) {
      throw damaged(range.offset(), "the record there has length " + payloadLength + ", the checkpoint expects "
          + range.length());
    }
    byte[] payload = new byte[payloadLength];
    try {
      in.readFully(payload);
    } catch (EOFException e) {
      throw damaged(range.offset(), "the segment ends inside the record");
    }
    checkCrc(range.offset(), payload, storedCrc);
    return payload;
  }

  private void checkHeader(DataInputStream in) throws IOException {
    long magic = Long.reverseBytes(in.readLong());
    if (magic != MAGIC) {
      throw new CheckpointException(file + " is not a Tidemark write-ahead log segment (wrong magic). Move it out of"
          + " the directory " + file.getParent() + ", which holds only log segments");
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new CheckpointException("The write-ahead log segment " + file + " has format " + version + "; this version"
          + " of Tidemark reads format " + FORMAT_VERSION + ". Restart with the version that wrote it");
    }
  }

  private void checkCrc(long offset, byte[] payload, int storedCrc) {
    int computed = crc(payload);
    if (computed != storedCrc) {
      throw damaged(offset, String.format("the CRC32C of its %d-byte record does not match (stored %08x, computed %08x)",
          payload.length, storedCrc, computed));
    }
  }

  private void warnTorn(long offset, long length, String why) {
    LOG.warn("Dropping a torn record at the end of the write-ahead log segment {}, offset {} ({} bytes): {}. A crash"
        + " interrupted its append, so it was never counted as received", file, offset, length - offset, why);
  }

  private CheckpointException damaged(long offset, String problem) {
    return new CheckpointException("The write-ahead log segment " + file + " is damaged at offset " + offset + ": "
        + problem + ". The received records from there on cannot be read. Restore the segment from a backup; or, to"
        + " go on without them (they are lost), truncate it to " + offset + " bytes and restart");
  }
}
