package io.tidemark.schema;

/**
 * The decoded field values of one record, by the position of the field's declaration in the {@link
 * RecordFields.Builder}, handed to the record's constructor function.
 */
public final class FieldValues {

  private final Object[] values;

  FieldValues(Object[] values) {
    this.values = values;
  }

  /** The value of the field declared at {@code index}, typed as the field's serializer reads it. */
  @SuppressWarnings("unchecked")
  public <V> V get(int index) {
    return (V) values[index];
  }

  public int size() {
    return values.length;
  }
}
