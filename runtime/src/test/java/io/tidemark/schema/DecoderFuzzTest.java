package io.tidemark.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs for the array and stream decoders over many random schemas, read both on
 * the fast path and through resolving readers: the only acceptable failure is a {@link
 * CheckpointFormatException} with a message.
 */
class DecoderFuzzTest {

  private static final int SCHEMAS = 400;
  private static final int CASES_PER_SCHEMA = 300;

  @Test
  void onlyFormatExceptionsNeverCrashesOrHangs() {
    Random random = new Random(424242);
    RandomSchemas schemas = new RandomSchemas(random, false);
    int cases = 0;
    int rejected = 0;
    for (int s = 0; s < SCHEMAS; s++) {
      Schema writer = schemas.schema(4);
      Serializer<Object> serializer = GenericSerializers.of(writer);
      Schema readerSchema = schemas.mutate(writer);
      Serializer<Object> resolving = Compatibility.check("v", writer, readerSchema).isCompatible()
          ? GenericSerializers.of(readerSchema) : serializer;
      for (int c = 0; c < CASES_PER_SCHEMA; c++) {
        Encoder out = new Encoder();
        serializer.write(out, schemas.value(writer));
        byte[] input = mutate(out.toByteArray(), random);
        ValueReader<Object> reader = c % 2 == 0 ? serializer::read : in -> resolving.read(in, writer);
        Decoder decoder = switch (c % 3) {
          case 0 -> Decoder.of(input);
          case 1 -> Decoder.of(new ByteArrayInputStream(input));
          default -> Decoder.of(new TrickleStream(input, random.nextInt(7) + 1));
        };
        try {
          reader.read(decoder);
        } catch (CheckpointFormatException e) {
          assertThat(e.getMessage()).isNotBlank();
          assertThat(e.position()).isBetween(0L, (long) input.length);
          rejected++;
        }
        cases++;
      }
    }
    assertThat(cases).isGreaterThanOrEqualTo(100_000);
    assertThat(rejected).as("mutations must be caught often").isGreaterThan(cases / 4);
  }

  /** A valid encoding corrupted one way, or pure noise. */
  private static byte[] mutate(byte[] valid, Random random) {
    switch (random.nextInt(6)) {
      case 0: { // flip bits
        byte[] flipped = valid.clone();
        for (int i = 1 + random.nextInt(3); i > 0 && flipped.length > 0; i--) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
      }
      case 1: // truncate
        return Arrays.copyOf(valid, valid.length == 0 ? 0 : random.nextInt(valid.length));
      case 2: { // insert a huge length or count prefix
        byte[] huge = random.nextBoolean() ? CodecTest.bytes(0xff, 0xff, 0xff, 0xff, 0x07) : CodecTest.bytes(0xf0, 0xff, 0x3f);
        int at = valid.length == 0 ? 0 : random.nextInt(valid.length);
        byte[] result = new byte[valid.length + huge.length];
        System.arraycopy(valid, 0, result, 0, at);
        System.arraycopy(huge, 0, result, at, huge.length);
        System.arraycopy(valid, at, result, at + huge.length, valid.length - at);
        return result;
      }
      case 3: { // overwrite a run with random bytes
        byte[] noisy = valid.clone();
        for (int i = 0; i < noisy.length && i < 8; i++) {
          noisy[random.nextInt(noisy.length)] = (byte) random.nextInt();
        }
        return noisy;
      }
      case 4: { // pure noise
        byte[] noise = new byte[random.nextInt(64)];
        random.nextBytes(noise);
        return noise;
      }
      default:
        return valid;
    }
  }

  /** A stream that hands out at most a few bytes per read, to exercise buffer refills. */
  private static final class TrickleStream extends InputStream {
    private final byte[] bytes;
    private final int step;
    private int position;

    TrickleStream(byte[] bytes, int step) {
      this.bytes = bytes;
      this.step = step;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, step), bytes.length - position);
      System.arraycopy(bytes, position, target, offset, n);
      position += n;
      return n;
    }
  }
}
