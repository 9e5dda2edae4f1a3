package io.tidemark.schema;

/** The rule shared by lists, sets and maps about what they may contain. */
final class CollectionSchemas {

  private CollectionSchemas() {}

  /**
   * Elements must take at least one byte each. A decoder then never has to trust an element count: n
   * elements need n bytes of input, so a hostile count runs out of input instead of out of memory.
   * Only elements without content (records without fields) are excluded, and a collection of those
   * carries nothing but its size.
   */
  static void requireElementWidth(Schema element, String collection) {
    if (element.minEncodedSize() < 1) {
      throw new IllegalArgumentException(
          "a " + collection + " of " + element.describe() + " cannot be decoded safely:"
              + " its elements can take no bytes (a record without fields); give the record a field");
    }
  }
}
