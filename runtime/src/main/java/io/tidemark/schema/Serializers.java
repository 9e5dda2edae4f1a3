package io.tidemark.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in serializers. Primitive serializers serve both the primitive and the boxed type (values
 * must not be null; wrap in {@link #nullable} for that). Records are declared with {@link #record}.
 */
public final class Serializers {

  private static final Serializer<Boolean> BOOLEANS = new PrimitiveSerializers.Booleans();
  private static final Serializer<Integer> INTS = new PrimitiveSerializers.Ints();
  private static final Serializer<Long> LONGS = new PrimitiveSerializers.Longs();
  private static final Serializer<Float> FLOATS = new PrimitiveSerializers.Floats();
  private static final Serializer<Double> DOUBLES = new PrimitiveSerializers.Doubles();
  private static final Serializer<String> STRINGS = new PrimitiveSerializers.Strings();
  private static final Serializer<byte[]> BYTES = new PrimitiveSerializers.Bytes();

  private Serializers() {}

  public static Serializer<Boolean> booleans() {
    return BOOLEANS;
  }

  public static Serializer<Integer> ints() {
    return INTS;
  }

  public static Serializer<Long> longs() {
    return LONGS;
  }

  public static Serializer<Float> floats() {
    return FLOATS;
  }

  public static Serializer<Double> doubles() {
    return DOUBLES;
  }

  public static Serializer<String> strings() {
    return STRINGS;
  }

  public static Serializer<byte[]> bytes() {
    return BYTES;
  }

  /** A Java enum, by symbol; without a default symbol, old data with a since-removed symbol is unreadable. */
  public static <E extends Enum<E>> Serializer<E> enums(Class<E> type) {
    return enums(type, null);
  }

  /** A Java enum whose {@code defaultSymbol} is what symbols removed since old data was written read as. */
  public static <E extends Enum<E>> Serializer<E> enums(Class<E> type, E defaultSymbol) {
    List<E> constants = Arrays.asList(type.getEnumConstants());
    EnumSchema schema = new EnumSchema(type.getSimpleName(), constants.stream().map(Enum::name).toList(),
        defaultSymbol == null ? null : defaultSymbol.name());
    return new EnumSerializer<>(schema, constants, Enum::ordinal);
  }

  /** An enum without a Java type: its values are the symbol strings of {@code schema}. */
  public static Serializer<String> symbols(EnumSchema schema) {
    Map<String, Integer> indexes = new HashMap<>();
    schema.symbols().forEach(symbol -> indexes.put(symbol, indexes.size()));
    return new EnumSerializer<>(schema, schema.symbols(), symbol -> {
      Integer index = indexes.get(symbol);
      if (index == null) {
        throw new IllegalArgumentException(symbol + " is not a symbol of enum " + schema.name());
      }
      return index;
    });
  }

  /** Reads as {@link ArrayList}. */
  public static <E> Serializer<List<E>> list(Serializer<E> element) {
    return new CollectionSerializer<>(new ListSchema(element.schema()), element, ArrayList::new);
  }

  /** Reads as {@link HashSet}. */
  public static <E> Serializer<Set<E>> set(Serializer<E> element) {
    return new CollectionSerializer<>(new SetSchema(element.schema()), element,
        capacity -> new HashSet<>(capacity * 4 / 3 + 1));
  }

  /** Reads as {@link HashMap}. */
  public static <K, V> Serializer<Map<K, V>> map(Serializer<K> key, Serializer<V> value) {
    return new MapSerializer<>(key, value);
  }

  public static <T> OptionalSerializer<Optional<T>, T> optional(Serializer<T> value) {
    return new OptionalSerializer<>(value, Optional.empty(), Optional::of, optional -> optional.orElse(null));
  }

  /** Like {@link #optional}, with {@code null} for empty. */
  public static <T> OptionalSerializer<T, T> nullable(Serializer<T> value) {
    return new OptionalSerializer<>(value, null, Function.identity(), Function.identity());
  }

  /** Starts declaring a record serializer; see {@link RecordSerializer}. */
  public static <T> RecordSerializer.Builder<T> record(Class<T> type) {
    return RecordSerializer.builder(type);
  }
}
