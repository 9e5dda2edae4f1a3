package test;

import io.tidemark.schema.Decoder;
import io.tidemark.schema.Encoder;
import io.tidemark.schema.FieldValues;
import io.tidemark.schema.GeneratedRecordSerializer;
import io.tidemark.schema.RecordFields;
import io.tidemark.schema.Serializers;
import javax.annotation.processing.Generated;

/**
 * Serializers of types of this package that {@link WordCount} checkpoints, schemas and resolvers included; generated from their declarations.
 */
@Generated("io.tidemark.processor.PipelineProcessor")
public final class WordCountSerializers {
  private WordCountSerializers() {
  }

  /**
   * Serializer of {@link WordStats}.
   */
  public static final class WordStatsSerializer extends GeneratedRecordSerializer<WordStats> {
    public static final WordStatsSerializer INSTANCE = new WordStatsSerializer();

    private WordStatsSerializer() {
      super(RecordFields.named("WordStats")
          .field("total", Serializers.longs())
          .field("maxPerBatch", Serializers.longs()).withDefault(0L)
          .field("lastBatch", Serializers.longs()).aliases("lastSeen")
          .build());
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
    protected WordStats construct(FieldValues values) {
      return new WordStats(values.<Long>get(0), values.<Long>get(1), values.<Long>get(2));
    }
  }
}
