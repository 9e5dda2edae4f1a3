package io.tidemark.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A record: its fields in order. The name is informative only: records are matched by structure, so
 * renaming a class or moving it to another package changes nothing.
 */
public record RecordSchema(String name, List<Field> fields) implements Schema {

  public RecordSchema {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
    Set<String> names = new HashSet<>();
    for (Field field : fields) {
      if (!names.add(field.name())) {
        throw new IllegalArgumentException("record " + name + " has two fields named " + field.name());
      }
    }
    for (Field field : fields) {
      for (String alias : field.aliases()) {
        if (!names.add(alias)) {
          throw new IllegalArgumentException(
              "alias " + alias + " of field " + name + "." + field.name() + " is already a field name or alias");
        }
      }
    }
  }

  /** The field with this name, or {@code null}. */
  public Field field(String fieldName) {
    for (Field field : fields) {
      if (field.name().equals(fieldName)) {
        return field;
      }
    }
    return null;
  }

  /**
   * The field of this record, as the writer's, that {@code readerField} reads: the one with its name,
   * else the first of its aliases; {@code null} if none (the reader's field was added).
   */
  public Field fieldReadBy(Field readerField) {
    Field byName = field(readerField.name());
    if (byName != null) {
      return byName;
    }
    for (String alias : readerField.aliases()) {
      Field byAlias = field(alias);
      if (byAlias != null) {
        return byAlias;
      }
    }
    return null;
  }

  @Override
  public int minEncodedSize() {
    int size = 0;
    for (Field field : fields) {
      size += field.schema().minEncodedSize();
    }
    return size;
  }

  @Override
  public String describe() {
    return "record " + name;
  }
}
