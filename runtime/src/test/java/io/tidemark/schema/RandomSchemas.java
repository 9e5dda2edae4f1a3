package io.tidemark.schema;

import io.tidemark.function.KV;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random schemas, values of them, and mutations of a schema as a later version of the code
 * might make it (the reader's schema). With {@code avroOnly}, only schemas Avro defines the same way:
 * no sets (Avro has only arrays), string map keys, no optional directly inside an optional.
 */
final class RandomSchemas {

  private static final List<String> SYMBOLS = List.of("A", "B", "C", "D", "E", "F");
  private static final List<String> NAMES = List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7");

  private final Random random;
  private final boolean avroOnly;

  RandomSchemas(Random random, boolean avroOnly) {
    this.random = random;
    this.avroOnly = avroOnly;
  }

  Schema schema(int depth) {
    int choice = random.nextInt(depth <= 0 ? 8 : 16);
    if (choice < 7) {
      return PrimitiveSchema.values()[choice];
    }
    return switch (choice) {
      case 7, 8 -> enumSchema();
      case 9 -> Schema.list(schema(depth - 1));
      case 10 -> avroOnly ? Schema.list(schema(depth - 1)) : Schema.set(schema(depth - 1));
      case 11 -> Schema.map(avroOnly ? PrimitiveSchema.STRING : schema(depth - 1), schema(depth - 1));
      case 12 -> Schema.optional(avroOnly ? nonOptional(depth - 1) : schema(depth - 1));
      case 13 -> Schema.kv(schema(depth - 1), schema(depth - 1));
      default -> record(depth - 1);
    };
  }

  private Schema nonOptional(int depth) {
    Schema schema;
    do {
      schema = schema(depth);
    } while (schema instanceof OptionalSchema);
    return schema;
  }

  private EnumSchema enumSchema() {
    List<String> symbols = new ArrayList<>(SYMBOLS);
    Collections.shuffle(symbols, random);
    symbols = symbols.subList(0, 1 + random.nextInt(symbols.size()));
    return new EnumSchema("E", symbols, random.nextInt(3) == 0 ? symbols.get(random.nextInt(symbols.size())) : null);
  }

  private RecordSchema record(int depth) {
    List<String> names = new ArrayList<>(NAMES);
    Collections.shuffle(names, random);
    List<Field> fields = new ArrayList<>();
    for (int i = 0, count = 1 + random.nextInt(4); i < count; i++) {
      fields.add(field(names.get(i), schema(depth)));
    }
    return new RecordSchema("R", fields);
  }

  private Field field(String name, Schema schema) {
    Field field = Field.of(name, schema);
    return random.nextInt(3) == 0 ? field.withDefault(DefaultValueJson.of(value(schema))) : field;
  }

  /** A random value of {@code schema}, in the generic representation of {@link GenericSerializers}. */
  Object value(Schema schema) {
    if (schema instanceof PrimitiveSchema primitive) {
      return switch (primitive) {
        case BOOLEAN -> random.nextBoolean();
        case INT -> random.nextBoolean() ? random.nextInt(200) - 100 : random.nextInt();
        case LONG -> random.nextBoolean() ? (long) random.nextInt(200) - 100 : random.nextLong();
        case FLOAT -> random.nextFloat() * 1000;
        case DOUBLE -> random.nextGaussian() * 1e6;
        case STRING -> string();
        case BYTES -> string().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      };
    }
    if (schema instanceof EnumSchema enumSchema) {
      return enumSchema.symbols().get(random.nextInt(enumSchema.symbols().size()));
    }
    if (schema instanceof ListSchema list) {
      List<Object> values = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        values.add(value(list.element()));
      }
      return values;
    }
    if (schema instanceof SetSchema set) {
      Set<Object> values = new HashSet<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        values.add(value(set.element()));
      }
      return values;
    }
    if (schema instanceof MapSchema map) {
      Map<Object, Object> values = new HashMap<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        values.put(value(map.key()), value(map.value()));
      }
      return values;
    }
    if (schema instanceof OptionalSchema optional) {
      return random.nextBoolean() ? Optional.empty() : Optional.of(value(optional.value()));
    }
    if (schema instanceof KVSchema kv) {
      return KV.of(value(kv.key()), value(kv.value()));
    }
    List<Object> values = new ArrayList<>();
    ((RecordSchema) schema).fields().forEach(field -> values.add(value(field.schema())));
    return values;
  }

  private String string() {
    String[] samples = {"", "a", "word", "héllo", "日本", "x".repeat(200)};
    return samples[random.nextInt(samples.length)];
  }

  /** The schema as a later version might declare it: one to three changes, compatible or not. */
  Schema mutate(Schema schema) {
    Schema mutated = schema;
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      mutated = mutateSomewhere(mutated);
    }
    return mutated;
  }

  private Schema mutateSomewhere(Schema schema) {
    // Descend into a random part with probability 2/3, else change this node.
    if (random.nextInt(3) != 0) {
      if (schema instanceof ListSchema list) {
        return Schema.list(mutateSomewhere(list.element()));
      }
      if (schema instanceof SetSchema set) {
        return Schema.set(mutateSomewhere(set.element()));
      }
      if (schema instanceof MapSchema map) {
        return random.nextBoolean() && !avroOnly
            ? Schema.map(mutateSomewhere(map.key()), map.value())
            : Schema.map(map.key(), mutateSomewhere(map.value()));
      }
      if (schema instanceof OptionalSchema optional) {
        Schema value = mutateSomewhere(optional.value());
        return avroOnly && value instanceof OptionalSchema ? schema : Schema.optional(value);
      }
      if (schema instanceof KVSchema kv) {
        return random.nextBoolean() ? Schema.kv(mutateSomewhere(kv.key()), kv.value())
            : Schema.kv(kv.key(), mutateSomewhere(kv.value()));
      }
      if (schema instanceof RecordSchema record) {
        List<Field> fields = new ArrayList<>(record.fields());
        int i = random.nextInt(fields.size());
        Field field = fields.get(i);
        Schema mutated = mutateSomewhere(field.schema());
        // A default must stay a value of the field's (new) type.
        fields.set(i, new Field(field.name(), mutated,
            field.defaultValue().map(old -> DefaultValueJson.of(value(mutated))), field.aliases()));
        return new RecordSchema(record.name(), fields);
      }
    }
    return mutateHere(schema);
  }

  private Schema mutateHere(Schema schema) {
    switch (random.nextInt(6)) {
      case 0:
        if (schema instanceof PrimitiveSchema primitive) {
          return PrimitiveSchema.values()[random.nextInt(PrimitiveSchema.values().length)];
        }
        break;
      case 1:
        if (!(schema instanceof OptionalSchema)) {
          return Schema.optional(schema);
        }
        return ((OptionalSchema) schema).value();
      case 2:
        if (schema instanceof EnumSchema enumSchema) {
          return mutateEnum(enumSchema);
        }
        break;
      case 3:
      case 4:
        if (schema instanceof RecordSchema record) {
          return mutateRecord(record);
        }
        break;
      default:
        break;
    }
    return avroOnly ? nonOptional(1) : schema(1);
  }

  private EnumSchema mutateEnum(EnumSchema schema) {
    List<String> symbols = new ArrayList<>(schema.symbols());
    switch (random.nextInt(4)) {
      case 0 -> SYMBOLS.stream().filter(s -> !symbols.contains(s)).findFirst().ifPresent(symbols::add);
      case 1 -> {
        if (symbols.size() > 1) {
          symbols.remove(random.nextInt(symbols.size()));
        }
      }
      case 2 -> Collections.shuffle(symbols, random);
      default -> {
        return new EnumSchema(schema.name(), symbols, symbols.get(random.nextInt(symbols.size())));
      }
    }
    String fallback = symbols.contains(schema.defaultSymbol()) ? schema.defaultSymbol() : null;
    return new EnumSchema(schema.name(), symbols, fallback);
  }

  private RecordSchema mutateRecord(RecordSchema record) {
    List<Field> fields = new ArrayList<>(record.fields());
    List<String> unused = new ArrayList<>(NAMES);
    fields.forEach(field -> {
      unused.remove(field.name());
      unused.removeAll(field.aliases());
    });
    switch (random.nextInt(5)) {
      case 0 -> {
        if (!unused.isEmpty()) {
          fields.add(random.nextInt(fields.size() + 1), field(unused.get(0), schema(1)));
        }
      }
      case 1 -> {
        if (fields.size() > 1) {
          fields.remove(random.nextInt(fields.size()));
        }
      }
      case 2 -> {
        int i = random.nextInt(fields.size());
        Field field = fields.get(i);
        if (!unused.isEmpty()) {
          Field renamed = new Field(unused.get(0), field.schema(), field.defaultValue(),
              random.nextInt(4) == 0 ? List.of() : List.of(field.name()));
          fields.set(i, renamed);
        }
      }
      case 3 -> Collections.shuffle(fields, random);
      default -> {
        int i = random.nextInt(fields.size());
        Field field = fields.get(i);
        fields.set(i, field.defaultValue().isPresent()
            ? new Field(field.name(), field.schema(), Optional.empty(), field.aliases())
            : field.withDefault(DefaultValueJson.of(value(field.schema()))));
      }
    }
    return new RecordSchema(record.name(), fields);
  }
}
