package io.tidemark.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  private final RecordField<T, ?>[] fields;
  private final Function<FieldValues, ? extends T> constructor;

  private RecordSerializer(RecordSchema schema, RecordField<T, ?>[] fields,
      Function<FieldValues, ? extends T> constructor) {
    super(schema);
    this.fields = fields;
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
  public void write(Encoder out, T value) {
    for (RecordField<T, ?> field : fields) {
      field.write(out, value);
    }
  }

  @Override
  public T read(Decoder in) {
    Object[] values = new Object[fields.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields[i].serializer().read(in);
    }
    return constructor.apply(new FieldValues(values));
  }

  @Override
  protected ValueReader<T> compileReader(Schema writerSchema) {
    RecordSchema writer = (RecordSchema) writerSchema;
    RecordSchema reader = (RecordSchema) schema();
    List<Field> writerFields = writer.fields();
    ValueReader<?>[] steps = new ValueReader<?>[writerFields.size()];
    int[] targets = new int[writerFields.size()];
    Object[] defaults = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Field source = writer.fieldReadBy(reader.fields().get(i));
      if (source == null) {
        defaults[i] = fields[i].defaultValue();
      } else {
        int position = writerFields.indexOf(source);
        steps[position] = fields[i].serializer().readerFor(source.schema());
        targets[position] = i;
      }
    }
    for (int position = 0; position < steps.length; position++) {
      if (steps[position] == null) {
        Skipper skipper = Skipper.of(writerFields.get(position).schema());
        steps[position] = in -> {
          skipper.skip(in);
          return null;
        };
        targets[position] = -1;
      }
    }
    return in -> {
      Object[] values = defaults.clone();
      for (int position = 0; position < steps.length; position++) {
        Object value = steps[position].read(in);
        if (targets[position] >= 0) {
          values[targets[position]] = value;
        }
      }
      return constructor.apply(new FieldValues(values));
    };
  }

  /** One declared field: how to get its value from a record and how to encode it. */
  private record RecordField<T, V>(Serializer<V> serializer, Function<? super T, ? extends V> getter,
      Optional<V> explicitDefault) {

    void write(Encoder out, T record) {
      serializer.write(out, getter.apply(record));
    }

    /** What old data without this field reads as: its default, else empty if it is optional. */
    Object defaultValue() {
      if (explicitDefault.isPresent()) {
        return explicitDefault.get();
      }
      return serializer instanceof OptionalSerializer<?, ?> optional ? optional.empty() : null;
    }
  }

  /** Declares the fields in order, then the constructor. */
  public static final class Builder<T> {

    private final String name;
    private final List<Field> schemaFields = new ArrayList<>();
    private final List<RecordField<T, ?>> fields = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Declares the next field; its value in {@link FieldValues} is at the declaration's position. */
    public <V> FieldStep<V> field(String fieldName, Serializer<V> serializer, Function<? super T, ? extends V> getter) {
      schemaFields.add(Field.of(fieldName, serializer.schema()));
      fields.add(new RecordField<>(serializer, getter, Optional.empty()));
      return new FieldStep<>(fields.size() - 1);
    }

    /** The serializer, constructing records from their decoded field values. */
    @SuppressWarnings("unchecked")
    public RecordSerializer<T> build(Function<FieldValues, ? extends T> constructor) {
      return new RecordSerializer<>(new RecordSchema(name, schemaFields),
          fields.toArray(RecordField[]::new), constructor);
    }

    /** The field just declared, to give it a default or aliases; or go on with the next field. */
    public final class FieldStep<V> {

      private final int index;

      private FieldStep(int index) {
        this.index = index;
      }

      /** What data written before this field existed reads as (and its JSON in the schema). */
      @SuppressWarnings("unchecked")
      public FieldStep<V> withDefault(V value) {
        RecordField<T, V> field = (RecordField<T, V>) fields.get(index);
        fields.set(index, new RecordField<>(field.serializer(), field.getter(), Optional.of(value)));
        schemaFields.set(index, schemaFields.get(index).withDefault(DefaultValueJson.of(value)));
        return this;
      }

      /** Former names of this field: old data's field of one of these names is read as this one. */
      public FieldStep<V> aliases(String... formerNames) {
        schemaFields.set(index, schemaFields.get(index).withAliases(formerNames));
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
