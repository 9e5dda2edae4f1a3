package io.tidemark.internal.checkpoint;

import io.tidemark.schema.CheckpointFormatException;
import io.tidemark.schema.Decoder;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * What a {@link StateFile} says about itself without decoding its entries: the fingerprints of its key
 * and value schemas and how many entries it holds. Inspection reads these from files whose schemas the
 * inspecting code may not know.
 *
 * @param size the file's length in bytes
 */
public record StateFileHeader(long keyFingerprint, long valueFingerprint, long count, long size) {

  /**
   * The header of the state file {@code bytes}, after checking its CRC, magic and format version.
   *
   * @throws CheckpointFormatException when the bytes are not an intact state file
   */
  public static StateFileHeader read(byte[] bytes) {
    int crcAt = bytes.length - Integer.BYTES;
    if (crcAt < 0) {
      throw new CheckpointFormatException(bytes.length, "truncated: " + bytes.length + " bytes, shorter than a state file");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, crcAt);
    if (ByteBuffer.wrap(bytes, crcAt, Integer.BYTES).getInt() != (int) crc.getValue()) {
      throw new CheckpointFormatException(crcAt, "bad CRC32C; the file is damaged or truncated");
    }
    Decoder in = Decoder.of(bytes, 0, crcAt);
    if (in.readFixedLong() != StateFile.MAGIC) {
      throw new CheckpointFormatException(0, "not a Tidemark state file (wrong magic)");
    }
    int version = in.readInt();
    if (version != StateFile.FORMAT_VERSION) {
      throw new CheckpointFormatException(8, "state file format " + version + " is not supported");
    }
    return new StateFileHeader(in.readFixedLong(), in.readFixedLong(), in.readLong(), bytes.length);
  }
}
