package io.tidemark.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A record (or any class with a constructor and getters), declared field by field without reflection:
 *
 * <pre>{@code
 * Serializer<WordStats> stats = RecordSerializer.builder(WordStats.class)
 *     .field("total", Serializers.longs(), WordStats::total)
 *     .field("maxPerBatch", Serializers.longs(), WordStats::maxPerBatch).withDefault(0L)
 *     .field("lastBatch", Serializers.longs(), WordStats::lastBatch).aliases("lastSeen")
 *     .build(v -> new WordStats(v.get(0), v.get(1), v.get(2)));
 * }</pre>
 *
 * <p>Fields are written in declaration order. Reading older data matches the writer's fields by name
 * or alias, skips the ones that are gone and fills the new ones with their defaults (an optional field
 * without one reads as empty).
 */
public final class RecordSerializer<T> extends Serializer<T> {

  private final RecordFields fields;
  private final Function<? super T, ?>[] getters;
  private final Function<FieldValues, ? extends T> constructor;

  private RecordSerializer(RecordFields fields, Function<? super T, ?>[] getters,
      Function<FieldValues, ? extends T> constructor) {
    super(fields.schema());
    this.fields = fields;
    this.getters = getters;
    this.constructor = constructor;
  }

  /** A builder of a serializer for {@code type}; the schema's record name is its simple name. */
  public static <T> Builder<T> builder(Class<T> type) {
    return new Builder<>(type.getSimpleName());
  }

  /** A builder of a serializer for a record named {@code name}. */
  public static <T> Builder<T> builder(String name) {
    return new Builder<>(name);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void write(Encoder out, T value) {
    for (int i = 0; i < getters.length; i++) {
      ((Serializer<Object>) fields.serializer(i)).write(out, getters[i].apply(value));
    }
  }

  @Override
  public T read(Decoder in) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields.serializer(i).read(in);
    }
    return constructor.apply(new FieldValues(values));
  }

  @Override
  protected ValueReader<T> compileReader(Schema writerSchema) {
    return fields.resolvingReader((RecordSchema) writerSchema, constructor);
  }

  /** Declares the fields in order, then the constructor. */
  public static final class Builder<T> {

    private final RecordFields.Builder fields;
    private final List<Function<? super T, ?>> getters = new ArrayList<>();

    private Builder(String name) {
      this.fields = RecordFields.named(name);
    }

    /** Declares the next field; its value in {@link FieldValues} is at the declaration's position. */
    public <V> FieldStep<V> field(String fieldName, Serializer<V> serializer, Function<? super T, ? extends V> getter) {
      fields.field(fieldName, serializer);
      getters.add(getter);
      return new FieldStep<>(getters.size() - 1);
    }

    /** The serializer, constructing records from their decoded field values. */
    @SuppressWarnings("unchecked")
    public RecordSerializer<T> build(Function<FieldValues, ? extends T> constructor) {
      return new RecordSerializer<>(fields.build(), getters.toArray(Function[]::new), constructor);
    }

    /** The field just declared, to give it a default or aliases; or go on with the next field. */
    public final class FieldStep<V> {

      private final int index;

      private FieldStep(int index) {
        this.index = index;
      }

      /** What data written before this field existed reads as (and its JSON in the schema). */
      public FieldStep<V> withDefault(V value) {
        fields.withDefault(index, value);
        return this;
      }

      /** Former names of this field: old data's field of one of these names is read as this one. */
      public FieldStep<V> aliases(String... formerNames) {
        fields.aliases(index, formerNames);
        return this;
      }

      public <W> FieldStep<W> field(String fieldName, Serializer<W> serializer, Function<? super T, ? extends W> getter) {
        return Builder.this.field(fieldName, serializer, getter);
      }

      public RecordSerializer<T> build(Function<FieldValues, ? extends T> constructor) {
        return Builder.this.build(constructor);
      }
    }
  }
}
