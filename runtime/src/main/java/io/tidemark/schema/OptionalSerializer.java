package io.tidemark.schema;

import java.util.function.Function;

/**
 * A value that may be absent, as {@code O}: either {@code Optional<T>} or a nullable {@code T} (see
 * {@link Serializers#optional} and {@link Serializers#nullable}). Reads a plain {@code T} written by an
 * older version as present.
 */
public final class OptionalSerializer<O, T> extends Serializer<O> {

  private final Serializer<T> value;
  private final O empty;
  private final Function<T, O> wrap;
  private final Function<O, T> unwrapOrNull;

  OptionalSerializer(Serializer<T> value, O empty, Function<T, O> wrap, Function<O, T> unwrapOrNull) {
    super(new OptionalSchema(value.schema()));
    this.value = value;
    this.empty = empty;
    this.wrap = wrap;
    this.unwrapOrNull = unwrapOrNull;
  }

  /** The absent value: what an optional field added since old data was written reads as. */
  public O empty() {
    return empty;
  }

  @Override
  public void write(Encoder out, O optional) {
    T present = unwrapOrNull.apply(optional);
    out.writePresence(present != null);
    if (present != null) {
      value.write(out, present);
    }
  }

  @Override
  public O read(Decoder in) {
    return in.readPresence() ? wrap.apply(value.read(in)) : empty;
  }

  @Override
  protected ValueReader<O> compileReader(Schema writerSchema) {
    if (writerSchema instanceof OptionalSchema writer) {
      ValueReader<T> valueReader = value.readerFor(writer.value());
      return in -> in.readPresence() ? wrap.apply(valueReader.read(in)) : empty;
    }
    ValueReader<T> alwaysPresent = value.readerFor(writerSchema);
    return in -> wrap.apply(alwaysPresent.read(in));
  }
}
