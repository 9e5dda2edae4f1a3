package io.tidemark.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An enumeration, encoded as the index of its symbol in the writer's list. The default symbol is what
 * a reader maps old symbols it no longer has to; without one, removing a symbol is incompatible.
 *
 * @param name the type's name, informative only (renames are fine)
 * @param symbols the symbols in declaration order, at least one, no duplicates
 * @param defaultSymbol one of {@code symbols}, or {@code null}
 */
public record EnumSchema(String name, List<String> symbols, String defaultSymbol) implements Schema {

  public EnumSchema {
    Objects.requireNonNull(name, "name");
    symbols = List.copyOf(symbols);
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("enum " + name + " has no symbols");
    }
    if (new HashSet<>(symbols).size() != symbols.size()) {
      throw new IllegalArgumentException("enum " + name + " repeats a symbol: " + symbols);
    }
    if (defaultSymbol != null && !symbols.contains(defaultSymbol)) {
      throw new IllegalArgumentException(
          "default symbol " + defaultSymbol + " is not one of the symbols of enum " + name + ": " + symbols);
    }
  }

  public EnumSchema withDefaultSymbol(String symbol) {
    return new EnumSchema(name, symbols, symbol);
  }

  @Override
  public int minEncodedSize() {
    return 1;
  }

  @Override
  public String describe() {
    return "enum " + name;
  }
}
