package io.tidemark.kafka;

import static io.tidemark.internal.status.StatusTesting.freePort;
import static io.tidemark.internal.status.StatusTesting.get;
import static io.tidemark.internal.status.StatusTesting.json;
import static io.tidemark.internal.status.StatusTesting.samples;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.internal.status.StatusTesting;
import io.tidemark.source.KafkaSubscription;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The status of a Kafka source against a real broker: offsets, end offsets and lag per partition, in the
 * JSON API and as {@code tidemark_kafka_lag}, exact batch by batch under a rate limit of 10 records per
 * partition and batch.
 */
class StatusKafkaTest extends WithKafkaBroker {

  @Test
  void lagPerPartitionShrinksBatchByBatch() throws Exception {
    kafka.createTopic("clicks", 3);
    for (int partition = 0; partition < 3; partition++) {
      int p = partition;
      kafka.send("clicks", partition, IntStream.range(0, 25).mapToObj(i -> p + ":" + i).toList());
    }
    ManualClock clock = new ManualClock();
    StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).name("clicks").clock(clock)
        .parallelism(2).uiPort(freePort()).build();
    context.kafkaStream(KafkaSubscription.topics("clicks"), Map.of("bootstrap.servers", kafka.bootstrap(),
            "startingOffsets", "earliest", "maxRatePerPartition", "10"))
        .uid("clicks-in").foreachBatch((time, batch) -> { });
    try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
      List<List<Long>> lags = new ArrayList<>();
      for (int batch = 1; batch <= 3; batch++) {
        harness.runBatches(1);
        URI page = context.statusPageUrl().orElseThrow();
        JsonNode source = json(page, "/api/v1/sources").get("sources").get(0);
        assertThat(source.get("id").asText()).isEqualTo("clicks-in");
        assertThat(source.get("kind").asText()).isEqualTo("kafka");
        assertThat(source.get("target").asText()).isEqualTo("topics [clicks]");
        assertThat(source.get("rateLimit").asLong()).isEqualTo(10);
        assertThat(source.get("backpressureRate").isNull()).isTrue();
        List<Long> lag = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
          JsonNode partition = source.get("partitions").get(p);
          assertThat(partition.get("topic").asText()).isEqualTo("clicks");
          assertThat(partition.get("partition").asInt()).isEqualTo(p);
          assertThat(partition.get("offset").asLong()).isEqualTo(Math.min(25, 10L * batch));
          assertThat(partition.get("endOffset").asLong()).isEqualTo(25);
          lag.add(partition.get("lag").asLong());
        }
        lags.add(lag);
        assertThat(source.get("totalLag").asLong()).isEqualTo(lag.stream().mapToLong(Long::longValue).sum());

        Map<String, Double> metrics = samples(get(page, "/metrics").body());
        for (int p = 0; p < 3; p++) {
          String labels = "{partition=\"" + p + "\",pipeline=\"clicks\",source=\"clicks-in\",topic=\"clicks\"}";
          assertThat(metrics).containsEntry("tidemark_kafka_lag" + labels, (double) lag.get(p))
              .containsEntry("tidemark_kafka_offset" + labels, (double) Math.min(25, 10L * batch));
        }
        assertThat(metrics).containsEntry("tidemark_source_rate_limit{pipeline=\"clicks\",source=\"clicks-in\"}", 10.0)
            .containsEntry("tidemark_records_in_total{pipeline=\"clicks\"}", (double) Math.min(75, 30L * batch));
      }
      assertThat(lags).containsExactly(List.of(15L, 15L, 15L), List.of(5L, 5L, 5L), List.of(0L, 0L, 0L));
      assertThat(StatusTesting.get(context.statusPageUrl().orElseThrow(), "/api/v1/checkpoint").body())
          .contains("\"enabled\" : false");
    }
  }
}
