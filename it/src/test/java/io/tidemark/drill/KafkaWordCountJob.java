package io.tidemark.drill;

import io.tidemark.function.KV;
import io.tidemark.schema.Serializers;
import io.tidemark.source.KafkaSubscription;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.StreamingContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The crash drill's job, run in a child JVM: word count from topic {@code words} with each batch's
 * counts written to topic {@code counts} and the running totals (checkpointed state) to {@code totals},
 * both through the transactional sink. Runs until killed or its stop file appears ({@link DrillChild}).
 * Args: bootstrap servers, checkpoint directory.
 */
public final class KafkaWordCountJob {

  private KafkaWordCountJob() {}

  private static KV<String, String> asText(KV<String, Long> count) {
    return KV.of(count.key(), Long.toString(count.value()));
  }

  public static void main(String[] args) throws InterruptedException {
    String bootstrap = args[0];
    StreamingContext context = StreamingContext.getOrCreate(args[1], () -> {
      StreamingContext c = StreamingContext.builder(Duration.ofMillis(500)).name("wordcount").parallelism(2)
          .checkpointInterval(Duration.ofSeconds(2)).checkpointLockLease(DrillChild.LOCK_LEASE).build();
      PairDStream<String, Long> counts = c.kafkaStream(KafkaSubscription.topics("words"),
              Map.of("bootstrap.servers", bootstrap, "startingOffsets", "earliest", "isolation.level", "read_committed"))
          .uid("lines")
          .flatMap(line -> Arrays.asList(line.split(" ")))
          .mapToPair(word -> KV.of(word, 1L))
          .reduceByKey(Long::sum);
      Map<String, String> producer = Map.of("bootstrap.servers", bootstrap);
      counts.writeToKafka("counts", producer, new StringSerializer(), new StringSerializer(), KafkaWordCountJob::asText)
          .uid("counts");
      counts.updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
              (List<Long> batch, Optional<Long> total) -> total.orElse(0L) + batch.stream().mapToLong(Long::longValue).sum())
          .writeToKafka("totals", producer, new StringSerializer(), new StringSerializer(), KafkaWordCountJob::asText)
          .uid("totalsOut");
      return c;
    });
    DrillChild.runUntilStopFile(context);
  }
}
