package io.tidemark.schema;

/**
 * The serializers of the primitive schemas, one small final class each so every fast path stays a
 * monomorphic call; reading an older primitive goes through the promotions of {@link #promotion}.
 */
final class PrimitiveSerializers {

  private PrimitiveSerializers() {}

  /** A serializer of one primitive schema, reading older primitives it promotes from. */
  abstract static class PrimitiveSerializer<T> extends Serializer<T> {

    PrimitiveSerializer(PrimitiveSchema schema) {
      super(schema);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ValueReader<T> compileReader(Schema writerSchema) {
      return (ValueReader<T>) promotion((PrimitiveSchema) writerSchema, (PrimitiveSchema) schema());
    }
  }

  /**
   * Reads a {@code writer} value as a {@code reader} value. Strings and bytes share their encoding, so
   * string↔bytes needs no conversion beyond decoding (or not) the UTF-8.
   */
  private static ValueReader<?> promotion(PrimitiveSchema writer, PrimitiveSchema reader) {
    return switch (reader) {
      case LONG -> (ValueReader<Long>) in -> (long) in.readInt();
      case FLOAT -> writer == PrimitiveSchema.INT
          ? (ValueReader<Float>) in -> (float) in.readInt()
          : (ValueReader<Float>) in -> (float) in.readLong();
      case DOUBLE -> switch (writer) {
        case INT -> (ValueReader<Double>) in -> (double) in.readInt();
        case LONG -> (ValueReader<Double>) in -> (double) in.readLong();
        default -> (ValueReader<Double>) in -> (double) in.readFloat();
      };
      case STRING -> (ValueReader<String>) Decoder::readString;
      case BYTES -> (ValueReader<byte[]>) Decoder::readBytes;
      case BOOLEAN, INT -> throw new IllegalStateException(writer + " does not promote to " + reader);
    };
  }

  static final class Booleans extends PrimitiveSerializer<Boolean> {
    Booleans() {
      super(PrimitiveSchema.BOOLEAN);
    }

    @Override
    public void write(Encoder out, Boolean value) {
      out.writeBoolean(value);
    }

    @Override
    public Boolean read(Decoder in) {
      return in.readBoolean();
    }
  }

  static final class Ints extends PrimitiveSerializer<Integer> {
    Ints() {
      super(PrimitiveSchema.INT);
    }

    @Override
    public void write(Encoder out, Integer value) {
      out.writeInt(value);
    }

    @Override
    public Integer read(Decoder in) {
      return in.readInt();
    }
  }

  static final class Longs extends PrimitiveSerializer<Long> {
    Longs() {
      super(PrimitiveSchema.LONG);
    }

    @Override
    public void write(Encoder out, Long value) {
      out.writeLong(value);
    }

    @Override
    public Long read(Decoder in) {
      return in.readLong();
    }
  }

  static final class Floats extends PrimitiveSerializer<Float> {
    Floats() {
      super(PrimitiveSchema.FLOAT);
    }

    @Override
    public void write(Encoder out, Float value) {
      out.writeFloat(value);
    }

    @Override
    public Float read(Decoder in) {
      return in.readFloat();
    }
  }

  static final class Doubles extends PrimitiveSerializer<Double> {
    Doubles() {
      super(PrimitiveSchema.DOUBLE);
    }

    @Override
    public void write(Encoder out, Double value) {
      out.writeDouble(value);
    }

    @Override
    public Double read(Decoder in) {
      return in.readDouble();
    }
  }

  static final class Strings extends PrimitiveSerializer<String> {
    Strings() {
      super(PrimitiveSchema.STRING);
    }

    @Override
    public void write(Encoder out, String value) {
      out.writeString(value);
    }

    @Override
    public String read(Decoder in) {
      return in.readString();
    }
  }

  static final class Bytes extends PrimitiveSerializer<byte[]> {
    Bytes() {
      super(PrimitiveSchema.BYTES);
    }

    @Override
    public void write(Encoder out, byte[] value) {
      out.writeBytes(value);
    }

    @Override
    public byte[] read(Decoder in) {
      return in.readBytes();
    }
  }
}
