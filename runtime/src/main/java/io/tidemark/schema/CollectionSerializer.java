package io.tidemark.schema;

import java.util.Collection;
import java.util.function.IntFunction;

/** Lists and sets: a count, then the elements. */
public final class CollectionSerializer<C extends Collection<E>, E> extends Serializer<C> {

  /** Never presize beyond this from an untrusted count; the collection grows as elements arrive. */
  static final int MAX_PRESIZE = 1 << 12;

  private final Serializer<E> element;
  private final IntFunction<C> factory;

  /**
   * @param schema a {@link ListSchema} or {@link SetSchema} of {@code element}'s schema
   * @param factory a new empty collection with room for the given number of elements
   */
  CollectionSerializer(Schema schema, Serializer<E> element, IntFunction<C> factory) {
    super(schema);
    this.element = element;
    this.factory = factory;
  }

  @Override
  public void write(Encoder out, C value) {
    out.writeCount(value.size());
    for (E e : value) {
      element.write(out, e);
    }
  }

  @Override
  public C read(Decoder in) {
    return readElements(in, element::read);
  }

  @Override
  protected ValueReader<C> compileReader(Schema writerSchema) {
    Schema writerElement = writerSchema instanceof ListSchema list ? list.element() : ((SetSchema) writerSchema).element();
    ValueReader<E> elementReader = element.readerFor(writerElement);
    return in -> readElements(in, elementReader);
  }

  private C readElements(Decoder in, ValueReader<E> elementReader) {
    int count = in.readCount();
    C result = factory.apply(Math.min(count, MAX_PRESIZE));
    for (int i = 0; i < count; i++) {
      result.add(elementReader.read(in));
    }
    return result;
  }
}
