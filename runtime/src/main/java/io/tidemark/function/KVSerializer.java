package io.tidemark.function;

import io.tidemark.schema.Decoder;
import io.tidemark.schema.Encoder;
import io.tidemark.schema.KVSchema;
import io.tidemark.schema.Schema;
import io.tidemark.schema.Serializer;
import io.tidemark.schema.ValueReader;

/** The pair {@link KV}: the key, then the value. */
final class KVSerializer<K, V> extends Serializer<KV<K, V>> {

  private final Serializer<K> key;
  private final Serializer<V> value;

  KVSerializer(Serializer<K> key, Serializer<V> value) {
    super(new KVSchema(key.schema(), value.schema()));
    this.key = key;
    this.value = value;
  }

  @Override
  public void write(Encoder out, KV<K, V> kv) {
    key.write(out, kv.key());
    value.write(out, kv.value());
  }

  @Override
  public KV<K, V> read(Decoder in) {
    K k = key.read(in);
    return new KV<>(k, value.read(in));
  }

  @Override
  protected ValueReader<KV<K, V>> compileReader(Schema writerSchema) {
    KVSchema writer = (KVSchema) writerSchema;
    ValueReader<K> keyReader = key.readerFor(writer.key());
    ValueReader<V> valueReader = value.readerFor(writer.value());
    return in -> {
      K k = keyReader.read(in);
      return new KV<>(k, valueReader.read(in));
    };
  }
}
