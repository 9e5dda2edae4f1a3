package io.tidemark.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link Encoder} writes, from a byte array or a stream, trusting nothing: every length,
 * count, tag and index is checked, and bad input is a {@link CheckpointFormatException} with the byte
 * position and the reason. Over an array a length or count larger than the bytes left is refused up
 * front; over a stream, where that is unknown, nothing is allocated from a length: byte strings grow as
 * their bytes actually arrive, so a hostile length ends in "truncated" rather than out of memory. Not
 * thread-safe.
 */
public final class Decoder {

  private static final int STREAM_BUFFER = 8192;

  private final InputStream source;
  private byte[] buffer;
  private int position;
  private int limit;
  /** The input offset of {@code buffer[0]}: positions in messages count from the start of the input. */
  private long bufferOffset;

  private Decoder(InputStream source, byte[] buffer, int position, int limit) {
    this.source = source;
    this.buffer = buffer;
    this.position = position;
    this.limit = limit;
    this.bufferOffset = -position;
  }

  public static Decoder of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  public static Decoder of(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " in " + bytes.length + " bytes");
    }
    return new Decoder(null, bytes, offset, offset + length);
  }

  public static Decoder of(InputStream source) {
    return new Decoder(source, new byte[STREAM_BUFFER], 0, 0);
  }

  /** How many bytes have been read, counted from the start of the input. */
  public long position() {
    return bufferOffset + position;
  }

  /** Whether the input is exhausted (for a stream, this may wait for the next byte). */
  public boolean isAtEnd() {
    return position == limit && (source == null || !fill(1));
  }

  public boolean readBoolean() {
    require(1, "a boolean");
    byte b = buffer[position];
    if (b != 0 && b != 1) {
      throw error(position(), "a boolean is 0 or 1, found " + b);
    }
    position++;
    return b == 1;
  }

  public int readInt() {
    int bits = readVarint32("an int");
    return (bits >>> 1) ^ -(bits & 1);
  }

  public long readLong() {
    if (limit - position >= 10) {
      // Fast path: the longest varint is buffered, so no per-byte refill check; varints of up to
      // 9 bytes end here, the 10th byte is left to the checked loop to validate.
      int at = position;
      long bits = 0;
      for (int shift = 0; shift < 63; shift += 7) {
        byte b = buffer[at++];
        bits |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          position = at;
          return (bits >>> 1) ^ -(bits & 1);
        }
      }
    }
    long start = position();
    long bits = 0;
    for (int shift = 0; ; shift += 7) {
      require(1, "a long");
      byte b = buffer[position++];
      if (shift == 63 && (b & 0xFE) != 0) {
        throw error(start, "overlong varint: a long takes at most 10 bytes");
      }
      bits |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return (bits >>> 1) ^ -(bits & 1);
      }
    }
  }

  public float readFloat() {
    require(4, "a float");
    int bits = (buffer[position] & 0xFF) | (buffer[position + 1] & 0xFF) << 8
        | (buffer[position + 2] & 0xFF) << 16 | (buffer[position + 3] & 0xFF) << 24;
    position += 4;
    return Float.intBitsToFloat(bits);
  }

  public double readDouble() {
    return Double.longBitsToDouble(readFixedLong());
  }

  public long readFixedLong() {
    require(8, "a fixed 8-byte value");
    long bits = 0;
    for (int i = 7; i >= 0; i--) {
      bits = (bits << 8) | (buffer[position + i] & 0xFF);
    }
    position += 8;
    return bits;
  }

  public String readString() {
    long start = position();
    int length = readLength("string");
    if (limit - position >= length) {
      String value = new String(buffer, position, length, StandardCharsets.UTF_8);
      position += length;
      return value;
    }
    return new String(readFromStream(length, start, "string"), StandardCharsets.UTF_8);
  }

  public byte[] readBytes() {
    long start = position();
    int length = readLength("byte string");
    if (limit - position >= length) {
      byte[] value = Arrays.copyOfRange(buffer, position, position + length);
      position += length;
      return value;
    }
    return readFromStream(length, start, "byte string");
  }

  /** Skips a string or byte string. */
  public void skipBytes() {
    long start = position();
    int length = readLength("byte string");
    while (length > 0) {
      if (position == limit && !fill(1)) {
        throw truncated(start, "a byte string of " + length + " more bytes");
      }
      int step = Math.min(length, limit - position);
      position += step;
      length -= step;
    }
  }

  /**
   * The element count of a collection. Over an array it cannot exceed the bytes left, as every element
   * takes at least one byte (see {@link ListSchema}); over a stream the elements themselves run out.
   */
  public int readCount() {
    long start = position();
    int count = readVarint32("a count");
    if (count < 0) {
      throw error(start, "negative count " + count);
    }
    if (source == null && count > limit - position) {
      throw error(start, "count " + count + " exceeds the " + (limit - position) + " remaining bytes");
    }
    return count;
  }

  /** The 0/1 tag of an optional value. */
  public boolean readPresence() {
    require(1, "an optional's tag");
    byte b = buffer[position];
    if (b != 0 && b != 1) {
      throw error(position(), "an optional's tag is 0 or 1, found " + b);
    }
    position++;
    return b == 1;
  }

  /** An enum symbol's index in the writer's schema, which has {@code symbolCount} symbols. */
  public int readEnumIndex(int symbolCount) {
    long start = position();
    int index = readVarint32("an enum index");
    if (index < 0 || index >= symbolCount) {
      throw error(start, "enum index " + Integer.toUnsignedString(index)
          + " is not one of the writer's " + symbolCount + " symbols");
    }
    return index;
  }

  private CheckpointFormatException error(long at, String reason) {
    return new CheckpointFormatException(at, reason);
  }

  private int readLength(String what) {
    long start = position();
    int length = readVarint32("a length");
    if (length < 0) {
      throw error(start, "negative " + what + " length " + length);
    }
    if (source == null && length > limit - position) {
      throw error(start, what + " length " + length + " exceeds the " + (limit - position) + " remaining bytes");
    }
    return length;
  }

  private int readVarint32(String what) {
    if (limit - position >= 5) {
      // Fast path, as in readLong: up to 4 bytes unchecked, the 5th to the checked loop.
      int at = position;
      int bits = 0;
      for (int shift = 0; shift < 28; shift += 7) {
        byte b = buffer[at++];
        bits |= (b & 0x7F) << shift;
        if (b >= 0) {
          position = at;
          return bits;
        }
      }
    }
    long start = position();
    int bits = 0;
    for (int shift = 0; ; shift += 7) {
      require(1, what);
      byte b = buffer[position++];
      if (shift == 28 && (b & 0xF0) != 0) {
        throw error(start, "overlong varint: " + what + " takes at most 5 bytes and fits in 32 bits");
      }
      bits |= (b & 0x7F) << shift;
      if (b >= 0) {
        return bits;
      }
    }
  }

  /** Collects {@code length} bytes that are not all buffered yet, growing the result as they arrive. */
  private byte[] readFromStream(int length, long start, String what) {
    byte[] result = new byte[Math.min(length, STREAM_BUFFER)];
    int filled = 0;
    while (filled < length) {
      if (position == limit && !fill(1)) {
        throw truncated(start, "a " + what + " of " + length + " bytes, got " + filled);
      }
      int step = Math.min(limit - position, length - filled);
      if (filled + step > result.length) {
        result = Arrays.copyOf(result, (int) Math.min(length, Math.max(2L * result.length, filled + step)));
      }
      System.arraycopy(buffer, position, result, filled, step);
      position += step;
      filled += step;
    }
    return result;
  }

  private void require(int bytes, String what) {
    if (limit - position < bytes && (source == null || !fill(bytes))) {
      throw truncated(position(), what);
    }
  }

  /** Reads from the stream until {@code bytes} (at most a buffer's worth) are buffered; false at its end. */
  private boolean fill(int bytes) {
    if (source == null) {
      return false;
    }
    int buffered = limit - position;
    System.arraycopy(buffer, position, buffer, 0, buffered);
    bufferOffset += position;
    position = 0;
    limit = buffered;
    try {
      while (limit < bytes) {
        int read = source.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
          return false;
        }
        limit += read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  private CheckpointFormatException truncated(long at, String what) {
    return error(at, "input truncated: it ends before " + what + " (at byte " + (bufferOffset + limit) + ")");
  }
}
