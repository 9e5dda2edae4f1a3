package io.tidemark.schema;

import java.util.function.LongFunction;

/**
 * A value preceded by its version tag: the fingerprint of the schema it was written with, as eight
 * little-endian bytes. The reader picks the fast path when the tag is the current schema's, a resolving
 * reader when it names an older schema it knows (from a checkpoint's schema table), and refuses any
 * other tag.
 */
public final class VersionTag {

  private VersionTag() {}

  public static <T> void write(Encoder out, Serializer<T> serializer, T value) {
    out.writeFixedLong(serializer.fingerprint());
    serializer.write(out, value);
  }

  /**
   * @param knownSchemas the schema whose fingerprint is the given tag, or {@code null} if it is unknown
   * @throws CheckpointFormatException on a tag that is neither current nor known
   * @throws IncompatibleSchemaException when the tag names a schema the serializer cannot read
   */
  public static <T> T read(Decoder in, Serializer<T> serializer, LongFunction<Schema> knownSchemas) {
    long at = in.position();
    long tag = in.readFixedLong();
    if (tag == serializer.fingerprint()) {
      return serializer.read(in);
    }
    Schema writerSchema = knownSchemas.apply(tag);
    if (writerSchema == null) {
      throw new CheckpointFormatException(at, "wrong fingerprint " + Fingerprint.hex(tag) + ": expected "
          + Fingerprint.hex(serializer.fingerprint()) + " (the current schema) or one of a known older schema");
    }
    return serializer.read(in, writerSchema);
  }
}
