package io.tidemark.internal.status;

import static io.tidemark.internal.status.StatusTesting.freePort;
import static io.tidemark.internal.status.StatusTesting.get;
import static io.tidemark.internal.status.StatusTesting.json;
import static io.tidemark.internal.status.StatusTesting.samples;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.internal.source.LineServer;
import io.tidemark.stream.DStream;
import io.tidemark.stream.StreamingContext;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory source's files and a rate-limited receiver's records, as the status API and the metrics show them. */
class StatusSourcesTest {

  @TempDir
  Path in;

  @Test
  void filesTakenAndRecordsReceived() throws Exception {
    ManualClock clock = new ManualClock(System.currentTimeMillis() / 1000 * 1000); // files carry wall-clock times
    try (LineServer server = new LineServer()) {
      StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).name("inputs").clock(clock)
          .parallelism(1).uiPort(freePort()).build();
      DStream<String> received = context.socketTextStream("127.0.0.1", server.port(), 1000).uid("socket-in");
      received.union(context.textFileStream(in).uid("files-in")).foreachBatch((time, batch) -> { });
      try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
        harness.start();
        server.send(List.of("one", "two", "three"));
        harness.awaitReceived(received, 3);
        for (String name : List.of("a.txt", "b.txt")) {
          Path file = Files.writeString(in.resolve(name), "x\ny\n");
          Files.setLastModifiedTime(file, FileTime.fromMillis(clock.nowMillis() + 500));
        }
        harness.runBatches(1);

        URI page = context.statusPageUrl().orElseThrow();
        JsonNode sources = json(page, "/api/v1/sources").get("sources");
        JsonNode socket = sources.get(0);
        assertThat(socket.get("id").asText()).isEqualTo("socket-in");
        assertThat(socket.get("kind").asText()).isEqualTo("socket");
        assertThat(socket.get("target").asText()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(socket.get("rateLimit").asLong()).isEqualTo(1000);
        assertThat(socket.get("recordsReceived").asLong()).isEqualTo(3);
        assertThat(socket.get("details").get("blocksReceived").asLong()).isPositive();
        assertThat(socket.get("details").get("writeAheadLog").asBoolean()).isFalse();
        JsonNode files = sources.get(1);
        assertThat(files.get("id").asText()).isEqualTo("files-in");
        assertThat(files.get("kind").asText()).isEqualTo("textFile");
        assertThat(files.get("target").asText()).isEqualTo(in.toString());
        assertThat(files.get("details").get("filesTaken").asLong()).isEqualTo(2);
        assertThat(files.get("details").get("filesOfLastBatch").asLong()).isEqualTo(2);
        assertThat(files.get("details").get("filesRemembered").asLong()).isEqualTo(2);
        assertThat(json(page, "/api/v1/batches").get("batches").get(0).get("recordsIn").asLong()).isEqualTo(7);

        Map<String, Double> metrics = samples(get(page, "/metrics").body());
        assertThat(metrics)
            .containsEntry("tidemark_receiver_records_total{pipeline=\"inputs\",source=\"socket-in\"}", 3.0)
            .containsEntry("tidemark_source_files_total{pipeline=\"inputs\",source=\"files-in\"}", 2.0)
            .containsEntry("tidemark_source_rate_limit{pipeline=\"inputs\",source=\"socket-in\"}", 1000.0)
            .containsEntry("tidemark_records_in_total{pipeline=\"inputs\"}", 7.0);
      }
    }
  }
}
