package io.tidemark.schema;

import java.nio.charset.StandardCharsets;

/**
 * The version tag of a schema: the 64-bit CRC-64-AVRO (Rabin) fingerprint of the UTF-8 bytes of its
 * {@linkplain CanonicalForm canonical form}. It is the same algorithm as Avro's
 * {@code SchemaNormalization.fingerprint64} (empty value {@code 0xc15d213aa4d7a795}, polynomial
 * reflected), computed over our canonical form, not Avro's. Depends on nothing but those bytes, so it
 * is the same on every JVM and every run.
 */
public final class Fingerprint {

  private static final long EMPTY = 0xc15d213aa4d7a795L;
  private static final long[] TABLE = table();

  private Fingerprint() {}

  public static long of(Schema schema) {
    return of(CanonicalForm.of(schema).getBytes(StandardCharsets.UTF_8));
  }

  public static long of(byte[] bytes) {
    long fingerprint = EMPTY;
    for (byte b : bytes) {
      fingerprint = (fingerprint >>> 8) ^ TABLE[(int) (fingerprint ^ b) & 0xff];
    }
    return fingerprint;
  }

  /** The form used in messages and JSON: 16 lower-case hex digits. */
  public static String hex(long fingerprint) {
    return String.format("%016x", fingerprint);
  }

  private static long[] table() {
    long[] table = new long[256];
    for (int i = 0; i < 256; i++) {
      long fp = i;
      for (int j = 0; j < 8; j++) {
        fp = (fp >>> 1) ^ (EMPTY & -(fp & 1L));
      }
      table[i] = fp;
    }
    return table;
  }
}
