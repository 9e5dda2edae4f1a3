package io.tidemark.schema;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of a value that lands in a checkpoint. Schemas are immutable values: two schemas are
 * {@code equals} when they describe the same type with the same names, defaults and aliases; two
 * schemas describe the same bytes when their {@linkplain CanonicalForm canonical forms} (and so their
 * {@linkplain Fingerprint fingerprints}) are equal.
 */
public sealed interface Schema
    permits PrimitiveSchema, EnumSchema, ListSchema, SetSchema, MapSchema, OptionalSchema, RecordSchema,
        KVSchema {

  /**
   * The fewest bytes an encoded value of this schema takes. Collections rely on it being at least one
   * for their elements: that bounds how many elements a given input can hold.
   */
  int minEncodedSize();

  /** A short human name of the type, for messages: {@code long}, {@code list<string>}, {@code record WordStats}. */
  String describe();

  static ListSchema list(Schema element) {
    return new ListSchema(element);
  }

  static SetSchema set(Schema element) {
    return new SetSchema(element);
  }

  static MapSchema map(Schema key, Schema value) {
    return new MapSchema(key, value);
  }

  static OptionalSchema optional(Schema value) {
    return new OptionalSchema(value);
  }

  static KVSchema kv(Schema key, Schema value) {
    return new KVSchema(key, value);
  }

  static RecordSchema record(String name, Field... fields) {
    return new RecordSchema(name, Arrays.asList(fields));
  }

  static EnumSchema enumOf(String name, String... symbols) {
    return new EnumSchema(name, List.of(symbols), null);
  }
}
