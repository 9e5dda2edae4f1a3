package io.tidemark.internal.checkpoint;

import io.tidemark.schema.CheckpointFormatException;
import io.tidemark.schema.Decoder;
import io.tidemark.schema.Encoder;
import io.tidemark.schema.Fingerprint;
import io.tidemark.schema.Schema;
import io.tidemark.schema.Serializer;
import io.tidemark.schema.ValueReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.zip.CRC32C;

/**
 * The binary form of one partition of a stage's state in a data checkpoint:
 *
 * <pre>
 * magic          8 bytes, "TIDEMKST" (fixed little-endian long)
 * format version varint
 * key schema     8 bytes, fingerprint (fixed little-endian long)
 * value schema   8 bytes, fingerprint
 * count          varint
 * entries        count times: key, value (in their schemas' binary encoding), time (varint)
 * CRC32C         4 bytes, big-endian, of everything before it
 * </pre>
 *
 * A reader whose serializers have other fingerprints resolves the old schemas from the metadata's
 * schema table, so state written by an earlier version is read by the current one.
 */
public final class StateFile {

  /** "TIDEMKST" as little-endian ASCII. */
  static final long MAGIC = 0x54534B4D45444954L;
  static final int FORMAT_VERSION = 1;
  private static final int CRC_BYTES = 4;

  private StateFile() {}

  /** A state entry as read back: see {@link io.tidemark.internal.checkpoint.StageState#forEachEntry} for the time. */
  public record Entry<K, V>(K key, V value, long time) {}

  /** Encodes the entries {@code entries} hands to its consumer (one partition of a stage's state). */
  public static <K, V> byte[] write(StateSerializers<K, V> serializers, Consumer<StateEntryConsumer<K, V>> entries) {
    Encoder body = new Encoder();
    long[] count = {0};
    entries.accept((key, value, time) -> {
      serializers.keys().write(body, key);
      serializers.values().write(body, value);
      body.writeLong(time);
      count[0]++;
    });
    Encoder header = new Encoder();
    header.writeFixedLong(MAGIC);
    header.writeInt(FORMAT_VERSION);
    header.writeFixedLong(serializers.keys().fingerprint());
    header.writeFixedLong(serializers.values().fingerprint());
    header.writeLong(count[0]);
    CRC32C crc = new CRC32C();
    byte[] head = header.toByteArray();
    byte[] content = body.toByteArray();
    crc.update(head);
    crc.update(content);
    return ByteBuffer.allocate(head.length + content.length + CRC_BYTES)
        .put(head).put(content).putInt((int) crc.getValue()).array();
  }

  /**
   * Decodes a state file.
   *
   * @param knownSchemas the schemas of the checkpoint's schema table by fingerprint (null if unknown)
   * @throws CheckpointFormatException when the bytes are not an intact state file of known schemas
   */
  public static <K, V> List<Entry<K, V>> read(byte[] bytes, StateSerializers<K, V> serializers,
      LongFunction<Schema> knownSchemas) {
    if (bytes.length < CRC_BYTES) {
      throw new CheckpointFormatException(bytes.length, "truncated: " + bytes.length + " bytes, shorter than a state file");
    }
    int bodyLength = bytes.length - CRC_BYTES;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bodyLength);
    int stored = ByteBuffer.wrap(bytes, bodyLength, CRC_BYTES).getInt();
    if (stored != (int) crc.getValue()) {
      throw new CheckpointFormatException(bodyLength, String.format(
          "bad CRC32C: stored %08x, computed %08x over the content; the file is damaged or truncated",
          stored, (int) crc.getValue()));
    }
    Decoder in = Decoder.of(bytes, 0, bodyLength);
    if (in.readFixedLong() != MAGIC) {
      throw new CheckpointFormatException(0, "not a Tidemark state file (wrong magic)");
    }
    long versionAt = in.position();
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new CheckpointFormatException(versionAt, "state file format " + version + " is not supported; this"
          + " version of Tidemark reads format " + FORMAT_VERSION);
    }
    ValueReader<K> keys = readerFor(in, serializers.keys(), knownSchemas, "key");
    ValueReader<V> values = readerFor(in, serializers.values(), knownSchemas, "value");
    long countAt = in.position();
    long count = in.readLong();
    if (count < 0 || count > bodyLength) {
      throw new CheckpointFormatException(countAt, "entry count " + count + " does not fit in the file");
    }
    List<Entry<K, V>> entries = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      entries.add(new Entry<>(keys.read(in), values.read(in), in.readLong()));
    }
    if (!in.isAtEnd()) {
      throw new CheckpointFormatException(in.position(), "unexpected bytes after the last entry");
    }
    return entries;
  }

  private static <T> ValueReader<T> readerFor(Decoder in, Serializer<T> serializer, LongFunction<Schema> knownSchemas,
      String what) {
    long at = in.position();
    long fingerprint = in.readFixedLong();
    if (fingerprint == serializer.fingerprint()) {
      return serializer::read;
    }
    Schema writerSchema = knownSchemas.apply(fingerprint);
    if (writerSchema == null) {
      throw new CheckpointFormatException(at, "wrong " + what + " fingerprint " + Fingerprint.hex(fingerprint)
          + ": neither the current schema's " + Fingerprint.hex(serializer.fingerprint())
          + " nor one in the checkpoint's schema table");
    }
    return serializer.readerFor(writerSchema);
  }
}
