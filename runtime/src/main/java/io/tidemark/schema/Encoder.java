package io.tidemark.schema;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Writes the binary encoding: ints and longs as zig-zag varints, floats and doubles as little-endian
 * IEEE 754, strings as a length then UTF-8, bytes as a length then the bytes, collections as a count
 * then the elements. Collects bytes in a buffer; {@link #toByteArray()} takes them, or, for an encoder
 * over a stream, {@link #flush()} passes them on. Not thread-safe; reuse one with {@link #reset()}.
 */
public final class Encoder {

  private static final int STREAM_BUFFER = 8192;

  private final OutputStream sink;
  private byte[] buffer;
  private int position;

  /** An encoder collecting bytes in memory. */
  public Encoder() {
    this(null, 256);
  }

  private Encoder(OutputStream sink, int capacity) {
    this.sink = sink;
    this.buffer = new byte[capacity];
  }

  /** An encoder that passes its bytes to {@code sink} whenever its buffer fills and on {@link #flush()}. */
  public static Encoder toStream(OutputStream sink) {
    return new Encoder(sink, STREAM_BUFFER);
  }

  public void writeBoolean(boolean value) {
    ensure(1);
    buffer[position++] = (byte) (value ? 1 : 0);
  }

  public void writeInt(int value) {
    writeVarint32((value << 1) ^ (value >> 31));
  }

  public void writeLong(long value) {
    ensure(10);
    long bits = (value << 1) ^ (value >> 63);
    while ((bits & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((bits & 0x7F) | 0x80);
      bits >>>= 7;
    }
    buffer[position++] = (byte) bits;
  }

  public void writeFloat(float value) {
    ensure(4);
    int bits = Float.floatToRawIntBits(value);
    buffer[position++] = (byte) bits;
    buffer[position++] = (byte) (bits >>> 8);
    buffer[position++] = (byte) (bits >>> 16);
    buffer[position++] = (byte) (bits >>> 24);
  }

  public void writeDouble(double value) {
    writeFixedLong(Double.doubleToRawLongBits(value));
  }

  /** Eight bytes, little-endian: how fingerprints are written, so they can be found at a fixed offset. */
  public void writeFixedLong(long bits) {
    ensure(8);
    for (int shift = 0; shift < 64; shift += 8) {
      buffer[position++] = (byte) (bits >>> shift);
    }
  }

  public void writeString(String value) {
    int length = value.length();
    ensure(5 + length);
    int start = position;
    writeVarint32(length);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        position = start;
        writeBytes(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return;
      }
      buffer[position++] = (byte) c;
    }
  }

  public void writeBytes(byte[] value) {
    writeCount(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, buffer, position, value.length);
    position += value.length;
  }

  /** The number of elements of a collection that follows (or of bytes, for strings and bytes). */
  public void writeCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("negative count " + count);
    }
    writeVarint32(count);
  }

  /** The 0/1 tag of an optional value. */
  public void writePresence(boolean present) {
    writeBoolean(present);
  }

  /** An enum symbol's index in the writer's schema. */
  public void writeEnumIndex(int index) {
    writeVarint32(index);
  }

  /** The bytes written since creation or the last {@link #reset()} (for a stream: since the last flush). */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  public int size() {
    return position;
  }

  public void reset() {
    position = 0;
  }

  /** Passes the buffered bytes to the stream (a no-op in memory) and flushes the stream. */
  public void flush() {
    if (sink == null) {
      return;
    }
    drain();
    try {
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeVarint32(int bits) {
    ensure(5);
    while ((bits & ~0x7F) != 0) {
      buffer[position++] = (byte) ((bits & 0x7F) | 0x80);
      bits >>>= 7;
    }
    buffer[position++] = (byte) bits;
  }

  private void ensure(int bytes) {
    if (buffer.length - position >= bytes) {
      return;
    }
    if (sink != null) {
      drain();
      if (buffer.length >= bytes) {
        return;
      }
    }
    buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + bytes));
  }

  private void drain() {
    try {
      sink.write(buffer, 0, position);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    position = 0;
  }
}
