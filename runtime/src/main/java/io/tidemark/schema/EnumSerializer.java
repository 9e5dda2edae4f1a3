package io.tidemark.schema;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Writes an enum value as its symbol's index; reads older data by symbol name, mapping symbols the
 * reader no longer has to its default symbol. The values may be a Java enum's constants or, for
 * schema-driven code without a class, the symbol strings themselves.
 */
public final class EnumSerializer<E> extends Serializer<E> {

  private final Object[] constants;
  private final ToIntFunction<E> indexOf;

  /**
   * @param constants the values, in the order of {@code schema}'s symbols
   * @param indexOf a value's position in {@code constants}
   */
  EnumSerializer(EnumSchema schema, List<E> constants, ToIntFunction<E> indexOf) {
    super(schema);
    if (constants.size() != schema.symbols().size()) {
      throw new IllegalArgumentException(constants.size() + " values for " + schema.symbols().size() + " symbols");
    }
    this.constants = constants.toArray();
    this.indexOf = indexOf;
  }

  @Override
  public void write(Encoder out, E value) {
    out.writeEnumIndex(indexOf.applyAsInt(value));
  }

  @Override
  @SuppressWarnings("unchecked")
  public E read(Decoder in) {
    return (E) constants[in.readEnumIndex(constants.length)];
  }

  @Override
  @SuppressWarnings("unchecked")
  protected ValueReader<E> compileReader(Schema writerSchema) {
    List<String> readerSymbols = ((EnumSchema) schema()).symbols();
    String fallback = ((EnumSchema) schema()).defaultSymbol();
    Object[] byWriterIndex = ((EnumSchema) writerSchema).symbols().stream()
        .map(symbol -> readerSymbols.contains(symbol) ? symbol : fallback)
        .map(symbol -> constants[readerSymbols.indexOf(symbol)])
        .toArray();
    return in -> (E) byWriterIndex[in.readEnumIndex(byWriterIndex.length)];
  }
}
