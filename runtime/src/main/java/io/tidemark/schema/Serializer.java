package io.tidemark.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes and reads values of {@code T} in the binary encoding of {@link #schema()}, and reads values
 * written with older schemas through a resolving reader.
 *
 * <p>Subclasses implement the fast path ({@link #write}, {@link #read(Decoder)}) and {@link
 * #compileReader}, which builds a reader for a compatible writer schema out of the readers of their
 * parts. {@link #readerFor} checks compatibility once per writer schema and caches the result, so a
 * resolved read costs a lookup plus the compiled reader. Instances are immutable and thread-safe.
 */
public abstract class Serializer<T> {

  private final Schema schema;
  private final long fingerprint;
  private final Map<Schema, ValueReader<T>> readers = new ConcurrentHashMap<>();
  /** The last writer schema asked for and its reader: repeated reads of one checkpoint skip the map. */
  private volatile CachedReader<T> lastReader;

  protected Serializer(Schema schema) {
    this.schema = schema;
    this.fingerprint = Fingerprint.of(schema);
  }

  public final Schema schema() {
    return schema;
  }

  /** The version tag: the {@linkplain Fingerprint fingerprint} of {@link #schema()}. */
  public final long fingerprint() {
    return fingerprint;
  }

  public abstract void write(Encoder out, T value);

  /** Reads a value written with this serializer's own schema. */
  public abstract T read(Decoder in);

  /** Reads a value written with {@code writerSchema}, converting it by the compatibility rules. */
  public final T read(Decoder in, Schema writerSchema) {
    return readerFor(writerSchema).read(in);
  }

  /**
   * The reader of values written with {@code writerSchema}: this serializer's fast path when the
   * canonical schemas agree, else a compiled resolving reader.
   *
   * @throws IncompatibleSchemaException when {@link Compatibility#check} finds the schemas incompatible
   */
  public final ValueReader<T> readerFor(Schema writerSchema) {
    CachedReader<T> last = lastReader;
    if (last != null && last.writerSchema() == writerSchema) {
      return last.reader();
    }
    ValueReader<T> reader = readers.computeIfAbsent(writerSchema, this::resolve);
    lastReader = new CachedReader<>(writerSchema, reader);
    return reader;
  }

  /**
   * Builds the reader of values written with {@code writerSchema}, which {@link Compatibility#check}
   * has found compatible with (and different from) this serializer's schema. Parts are read through
   * their own serializers' {@link #readerFor}.
   */
  protected abstract ValueReader<T> compileReader(Schema writerSchema);

  private ValueReader<T> resolve(Schema writerSchema) {
    if (Fingerprint.of(writerSchema) == fingerprint) {
      return this::read;
    }
    CompatibilityReport report = Compatibility.check("value", writerSchema, schema);
    if (!report.isCompatible()) {
      throw new IncompatibleSchemaException("data written as " + writerSchema.describe(), report);
    }
    return compileReader(writerSchema);
  }

  private record CachedReader<T>(Schema writerSchema, ValueReader<T> reader) {}
}
