package io.tidemark.schema;

import java.util.HashMap;
import java.util.Map;

/** Maps: a count, then each key followed by its value. Reads into a {@link HashMap}. */
public final class MapSerializer<K, V> extends Serializer<Map<K, V>> {

  private final Serializer<K> key;
  private final Serializer<V> value;

  MapSerializer(Serializer<K> key, Serializer<V> value) {
    super(new MapSchema(key.schema(), value.schema()));
    this.key = key;
    this.value = value;
  }

  @Override
  public void write(Encoder out, Map<K, V> map) {
    out.writeCount(map.size());
    for (Map.Entry<K, V> entry : map.entrySet()) {
      key.write(out, entry.getKey());
      value.write(out, entry.getValue());
    }
  }

  @Override
  public Map<K, V> read(Decoder in) {
    return readEntries(in, key::read, value::read);
  }

  @Override
  protected ValueReader<Map<K, V>> compileReader(Schema writerSchema) {
    MapSchema writer = (MapSchema) writerSchema;
    ValueReader<K> keyReader = key.readerFor(writer.key());
    ValueReader<V> valueReader = value.readerFor(writer.value());
    return in -> readEntries(in, keyReader, valueReader);
  }

  private static <K, V> Map<K, V> readEntries(Decoder in, ValueReader<K> keyReader, ValueReader<V> valueReader) {
    int count = in.readCount();
    Map<K, V> result = new HashMap<>(Math.min(count, CollectionSerializer.MAX_PRESIZE) * 4 / 3 + 1);
    for (int i = 0; i < count; i++) {
      K k = keyReader.read(in);
      result.put(k, valueReader.read(in));
    }
    return result;
  }
}
