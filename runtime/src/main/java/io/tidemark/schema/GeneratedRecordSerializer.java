package io.tidemark.schema;

/**
 * The base of the record serializers the annotation processor generates. A subclass declares its
 * {@link RecordFields} (the schema, with defaults and aliases), writes and reads data of that schema
 * straight-line (no per-field virtual calls for scalars, no boxing into an array), and constructs a
 * record from decoded field values, which is how data written with older schemas is read.
 */
public abstract class GeneratedRecordSerializer<T> extends Serializer<T> {

  private final RecordFields fields;

  protected GeneratedRecordSerializer(RecordFields fields) {
    super(fields.schema());
    this.fields = fields;
  }

  /** The record of the field values of a resolved read, at the positions of the fields' declarations. */
  protected abstract T construct(FieldValues values);

  @Override
  protected final ValueReader<T> compileReader(Schema writerSchema) {
    return fields.resolvingReader((RecordSchema) writerSchema, this::construct);
  }
}
