package io.tidemark.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The fields of a record in declaration order, each with its serializer, default and aliases: the
 * record's schema, and the readers of data written with older schemas of it. Shared by {@link
 * RecordSerializer} and the serializers the annotation processor generates ({@link
 * GeneratedRecordSerializer}).
 *
 * <pre>{@code
 * RecordFields fields = RecordFields.named("WordStats")
 *     .field("total", Serializers.longs())
 *     .field("maxPerBatch", Serializers.longs()).withDefault(0L)
 *     .field("lastBatch", Serializers.longs()).aliases("lastSeen")
 *     .build();
 * }</pre>
 */
public final class RecordFields {

  private final RecordSchema schema;
  private final Serializer<?>[] serializers;
  private final Object[] explicitDefaults;

  private RecordFields(RecordSchema schema, Serializer<?>[] serializers, Object[] explicitDefaults) {
    this.schema = schema;
    this.serializers = serializers;
    this.explicitDefaults = explicitDefaults;
  }

  /** A builder of the fields of a record named {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  public RecordSchema schema() {
    return schema;
  }

  int size() {
    return serializers.length;
  }

  /** The serializer of the field declared at {@code index}. */
  Serializer<?> serializer(int index) {
    return serializers[index];
  }

  /**
   * The reader of records written with {@code writer}, a schema compatible with this one: matches the
   * writer's fields by name or alias, skips the ones that are gone and fills the new ones with their
   * defaults (an optional field without one reads as empty), then constructs the record.
   */
  <T> ValueReader<T> resolvingReader(RecordSchema writer, Function<FieldValues, ? extends T> constructor) {
    List<Field> writerFields = writer.fields();
    ValueReader<?>[] steps = new ValueReader<?>[writerFields.size()];
    int[] targets = new int[writerFields.size()];
    Object[] defaults = new Object[serializers.length];
    for (int i = 0; i < serializers.length; i++) {
      Field source = writer.fieldReadBy(schema.fields().get(i));
      if (source == null) {
        defaults[i] = defaultValue(i);
      } else {
        int position = writerFields.indexOf(source);
        steps[position] = serializers[i].readerFor(source.schema());
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

  /** What old data without field {@code index} reads as: its default, else empty if it is optional. */
  private Object defaultValue(int index) {
    if (explicitDefaults[index] != null) {
      return explicitDefaults[index];
    }
    return serializers[index] instanceof OptionalSerializer<?, ?> optional ? optional.empty() : null;
  }

  /** Declares the fields in order; a default or aliases go to the field declared last. */
  public static final class Builder {

    private final String name;
    private final List<Field> schemaFields = new ArrayList<>();
    private final List<Serializer<?>> serializers = new ArrayList<>();
    private final List<Object> explicitDefaults = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Declares the next field; its value in {@link FieldValues} is at the declaration's position. */
    public Builder field(String fieldName, Serializer<?> serializer) {
      schemaFields.add(Field.of(fieldName, serializer.schema()));
      serializers.add(serializer);
      explicitDefaults.add(null);
      return this;
    }

    /**
     * What data written before the last declared field existed reads as (and its JSON in the schema);
     * a value of the type the field's serializer reads.
     */
    public Builder withDefault(Object value) {
      return withDefault(serializers.size() - 1, value);
    }

    /** Former names of the last declared field: old data's field of one of these names is read as it. */
    public Builder aliases(String... formerNames) {
      return aliases(serializers.size() - 1, formerNames);
    }

    Builder withDefault(int index, Object value) {
      explicitDefaults.set(index, Objects.requireNonNull(value, "default"));
      schemaFields.set(index, schemaFields.get(index).withDefault(DefaultValueJson.of(value)));
      return this;
    }

    Builder aliases(int index, String... formerNames) {
      schemaFields.set(index, schemaFields.get(index).withAliases(formerNames));
      return this;
    }

    public RecordFields build() {
      return new RecordFields(new RecordSchema(name, schemaFields), serializers.toArray(Serializer<?>[]::new),
          explicitDefaults.toArray());
    }
  }
}
