package io.tidemark.schema;

import java.util.Set;

/** The scalar types, and the promotions (widenings) allowed between them when old data is read. */
public enum PrimitiveSchema implements Schema {
  BOOLEAN(1),
  INT(1),
  LONG(1),
  FLOAT(4),
  DOUBLE(8),
  STRING(1),
  BYTES(1);

  private final int minEncodedSize;

  PrimitiveSchema(int minEncodedSize) {
    this.minEncodedSize = minEncodedSize;
  }

  /** The name used in the JSON and canonical forms. */
  public String typeName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether data written as {@code this} can be read as {@code reader}: the same type, or one of the
   * widenings int→long→float→double, int→float, int→double, long→double, and string↔bytes.
   */
  public boolean promotesTo(PrimitiveSchema reader) {
    return this == reader || promotionTargets().contains(reader);
  }

  /**
   * Whether promoting to {@code reader} can map two distinct old values to one new value: long→float
   * and long→double lose low bits, int→float too above 2^24, and bytes that are not UTF-8 become
   * replacement characters. Harmless for values, but it can merge keys.
   */
  public boolean promotionMayMerge(PrimitiveSchema reader) {
    return switch (this) {
      case INT -> reader == FLOAT;
      case LONG -> reader == FLOAT || reader == DOUBLE;
      case BYTES -> reader == STRING;
      default -> false;
    };
  }

  private Set<PrimitiveSchema> promotionTargets() {
    return switch (this) {
      case INT -> Set.of(LONG, FLOAT, DOUBLE);
      case LONG -> Set.of(FLOAT, DOUBLE);
      case FLOAT -> Set.of(DOUBLE);
      case STRING -> Set.of(BYTES);
      case BYTES -> Set.of(STRING);
      case BOOLEAN, DOUBLE -> Set.of();
    };
  }

  @Override
  public int minEncodedSize() {
    return minEncodedSize;
  }

  @Override
  public String describe() {
    return typeName();
  }
}
