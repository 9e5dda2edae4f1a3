package io.tidemark.schema;

/** Passes over one encoded value of a writer's schema: how removed fields are skipped. */
@FunctionalInterface
interface Skipper {

  void skip(Decoder in);

  /** A skipper for {@code schema}, compiled once; it validates what it skips like a read would. */
  static Skipper of(Schema schema) {
    if (schema instanceof PrimitiveSchema primitive) {
      return switch (primitive) {
        case BOOLEAN -> Decoder::readBoolean;
        case INT -> Decoder::readInt;
        case LONG -> Decoder::readLong;
        case FLOAT -> Decoder::readFloat;
        case DOUBLE -> Decoder::readDouble;
        case STRING, BYTES -> Decoder::skipBytes;
      };
    }
    if (schema instanceof EnumSchema enumSchema) {
      int symbols = enumSchema.symbols().size();
      return in -> in.readEnumIndex(symbols);
    }
    if (schema instanceof ListSchema list) {
      return repeated(of(list.element()));
    }
    if (schema instanceof SetSchema set) {
      return repeated(of(set.element()));
    }
    if (schema instanceof MapSchema map) {
      return repeated(sequence(of(map.key()), of(map.value())));
    }
    if (schema instanceof KVSchema kv) {
      return sequence(of(kv.key()), of(kv.value()));
    }
    if (schema instanceof OptionalSchema optional) {
      Skipper value = of(optional.value());
      return in -> {
        if (in.readPresence()) {
          value.skip(in);
        }
      };
    }
    Skipper[] fields = ((RecordSchema) schema).fields().stream().map(field -> of(field.schema())).toArray(Skipper[]::new);
    return in -> {
      for (Skipper field : fields) {
        field.skip(in);
      }
    };
  }

  private static Skipper repeated(Skipper element) {
    return in -> {
      for (int i = in.readCount(); i > 0; i--) {
        element.skip(in);
      }
    };
  }

  private static Skipper sequence(Skipper first, Skipper second) {
    return in -> {
      first.skip(in);
      second.skip(in);
    };
  }
}
