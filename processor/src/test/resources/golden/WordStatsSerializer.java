package test;

import io.tidemark.schema.Decoder;
import io.tidemark.schema.Encoder;
import io.tidemark.schema.RecordSerializer;
import io.tidemark.schema.Schema;
import io.tidemark.schema.Serializer;
import io.tidemark.schema.Serializers;
import io.tidemark.schema.ValueReader;
import javax.annotation.processing.Generated;

/**
 * Serializer of {@link WordStats}, schema and resolver included; generated from its declaration.
 */
@Generated("io.tidemark.processor.PipelineProcessor")
public final class WordStatsSerializer extends Serializer<WordStats> {
  /**
   * Reads data written with older schemas; declared in the same order as the fast path.
   */
  private static final RecordSerializer<WordStats> RESOLVER = RecordSerializer.<WordStats>builder("WordStats")
      .field("total", Serializers.longs(), record -> record.total())
      .field("maxPerBatch", Serializers.longs(), record -> record.maxPerBatch()).withDefault(0L)
      .field("lastBatch", Serializers.longs(), record -> record.lastBatch()).aliases("lastSeen")
      .build(values -> new WordStats(values.<Long>get(0), values.<Long>get(1), values.<Long>get(2)));

  public static final WordStatsSerializer INSTANCE = new WordStatsSerializer();

  private WordStatsSerializer() {
    super(RESOLVER.schema());
  }

  @Override
  public void write(Encoder out, WordStats value) {
    out.writeLong(value.total());
    out.writeLong(value.maxPerBatch());
    out.writeLong(value.lastBatch());
  }

  @Override
  public WordStats read(Decoder in) {
    // arguments are evaluated left to right: fields are read in declaration order
    return new WordStats(in.readLong(), in.readLong(), in.readLong());
  }

  @Override
  protected ValueReader<WordStats> compileReader(Schema writerSchema) {
    return RESOLVER.readerFor(writerSchema);
  }
}
