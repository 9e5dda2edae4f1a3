package io.tidemark.internal.status;

import static io.tidemark.internal.status.StatusTesting.freePort;
import static io.tidemark.internal.status.StatusTesting.get;
import static io.tidemark.internal.status.StatusTesting.json;
import static io.tidemark.internal.status.StatusTesting.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingContextBuilder;
import io.tidemark.stream.StreamingException;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What the status page never shows, never does and never lets through. */
class StatusSecurityTest {

  private static final List<String> SECRETS = List.of("hunter2-jaas", "keystore-pw-77", "tok-123456", "pg-pass-99",
      "s3-secret-key-1", "trustme-pw");

  /** A context with credentials in its configuration whose second batch fails with a message holding one. */
  private static StreamingTestHarness pipeline(ManualClock clock, UnaryOperator<StreamingContextBuilder> options) {
    StreamingContextBuilder builder = StreamingContext.builder(Duration.ofSeconds(1)).name("secrets").clock(clock)
        .parallelism(1).uiPort(freePort())
        .config("kafka.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"hunter2-jaas\";")
        .config("kafka.ssl.keystore.password", "keystore-pw-77")
        .config("api.token", "tok-123456")
        .config("db.url", "jdbc:postgresql://app:pg-pass-99@db.internal:5432/orders")
        .config("fs.s3a.secret.key", "s3-secret-key-1")
        .config("ssl.truststore.password", "trustme-pw")
        .config("input", "/data/in");
    StreamingContext context = options.apply(builder).build();
    context.queueStream(new java.util.concurrent.ConcurrentLinkedQueue<>(List.of(List.of("x"), List.of("y"))), true)
        .foreachBatch((time, batch) -> {
          if (batch.contains("y")) {
            throw new IllegalStateException("cannot reach db with password pg-pass-99 (" + context.config().get("db.url")
                + ")");
          }
        });
    return new StreamingTestHarness(context, clock);
  }

  @Test
  void noSecretIsEverShown() throws Exception {
    ManualClock clock = new ManualClock();
    try (StreamingTestHarness harness = pipeline(clock, b -> b)) {
      harness.runBatches(1);
      assertThatThrownBy(() -> harness.runBatches(1)).isInstanceOf(StreamingException.class);
      URI page = harness.context().statusPageUrl().orElseThrow();

      JsonNode config = json(page, "/api/v1/pipeline").get("config");
      for (String key : List.of("kafka.sasl.jaas.config", "kafka.ssl.keystore.password", "api.token",
          "fs.s3a.secret.key", "ssl.truststore.password")) {
        assertThat(config.get(key).asText()).as(key).isEqualTo("******");
      }
      assertThat(config.get("db.url").asText()).isEqualTo("jdbc:postgresql://app:******@db.internal:5432/orders");
      assertThat(config.get("input").asText()).isEqualTo("/data/in");

      JsonNode failure = json(page, "/api/v1/batches").get("failures").get(0);
      assertThat(failure.get("batchTime").asLong()).isEqualTo(2000);
      assertThat(failure.get("error").asText()).isEqualTo("java.lang.IllegalStateException: cannot reach db with"
          + " password ****** (jdbc:postgresql://app:******@db.internal:5432/orders)");

      for (String path : List.of("/", "/api/v1/pipeline", "/api/v1/batches", "/api/v1/stages", "/api/v1/sources",
          "/api/v1/checkpoint", "/metrics", "/static/status.js")) {
        String body = get(page, path).body();
        for (String secret : SECRETS) {
          assertThat(body).as(path).doesNotContain(secret);
        }
      }
    }
  }

  @Test
  void nothingButGetAndHeadIsAnswered() throws Exception {
    ManualClock clock = new ManualClock();
    try (StreamingTestHarness harness = pipeline(clock, b -> b)) {
      harness.runBatches(1);
      URI page = harness.context().statusPageUrl().orElseThrow();
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        HttpResponse<String> response = request(method, page, "/api/v1/batches");
        assertThat(response.statusCode()).as(method).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
      }
      HttpResponse<String> head = request("HEAD", page, "/api/v1/batches");
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(get(page, "/static/../../../../etc/passwd").statusCode()).isEqualTo(404);
      assertThat(get(page, "/static/StatusPage.class").statusCode()).isEqualTo(404);
      assertThat(get(page, "/api/v2/batches").statusCode()).isEqualTo(404);
      HttpResponse<String> index = get(page, "/");
      assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
      assertThat(index.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(index.body()).doesNotContain("http://", "https://"); // nothing loaded from elsewhere
    }
  }

  @Test
  void basicAuthGuardsTheDataAndTheMetrics() throws Exception {
    ManualClock clock = new ManualClock();
    try (StreamingTestHarness harness = pipeline(clock, b -> b.uiBasicAuth("ops", "open-sesame"))) {
      harness.runBatches(1);
      URI page = harness.context().statusPageUrl().orElseThrow();
      String good = "Basic " + Base64.getEncoder().encodeToString("ops:open-sesame".getBytes(StandardCharsets.UTF_8));
      String bad = "Basic " + Base64.getEncoder().encodeToString("ops:sesame".getBytes(StandardCharsets.UTF_8));
      for (String path : List.of("/", "/api/v1/batches", "/api/v1/checkpoint", "/metrics")) {
        HttpResponse<String> none = get(page, path);
        assertThat(none.statusCode()).as(path).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
        assertThat(get(page, path, "Authorization", bad).statusCode()).as(path).isEqualTo(401);
        assertThat(get(page, path, "Authorization", "Bearer open-sesame").statusCode()).as(path).isEqualTo(401);
        assertThat(get(page, path, "Authorization", good).statusCode()).as(path).isEqualTo(200);
      }
    }
  }

  @Test
  void aBearerTokenGuardsTheDataButNotThePageItself() throws Exception {
    ManualClock clock = new ManualClock();
    try (StreamingTestHarness harness = pipeline(clock, b -> b.uiBearerToken("t0ken-abc"))) {
      harness.runBatches(1);
      URI page = harness.context().statusPageUrl().orElseThrow();
      assertThat(get(page, "/").statusCode()).isEqualTo(200); // the page holds no data; it sends the token
      assertThat(get(page, "/static/status.js").statusCode()).isEqualTo(200);
      for (String path : List.of("/api/v1/pipeline", "/api/v1/sources", "/api/v1/stages", "/metrics")) {
        HttpResponse<String> none = get(page, path);
        assertThat(none.statusCode()).as(path).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(get(page, path, "Authorization", "Bearer t0ken-ab").statusCode()).as(path).isEqualTo(401);
        assertThat(get(page, path, "Authorization", "Bearer t0ken-abc").statusCode()).as(path).isEqualTo(200);
      }
    }
  }

  @Test
  void portZeroServesNothingAndATakenPortMovesToTheNext() throws Exception {
    ManualClock clock = new ManualClock();
    try (StreamingTestHarness off = pipeline(clock, b -> b.uiPort(0))) {
      off.runBatches(1);
      assertThat(off.context().statusPageUrl()).isEmpty();
    }
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      try (StreamingTestHarness moved = pipeline(new ManualClock(), b -> b.uiPort(port))) {
        moved.start();
        int served = moved.context().statusPageUrl().orElseThrow().getPort();
        assertThat(served).isGreaterThan(port).isLessThanOrEqualTo(port + StatusOptions.PORT_RETRIES);
      }
    }
    assertThatThrownBy(() -> StreamingContext.builder(Duration.ofSeconds(1)).config("ui.port", "forty").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ui.port").hasMessageContaining("forty");
    assertThatThrownBy(() -> StreamingContext.builder(Duration.ofSeconds(1)).uiPort(70000).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
  }

  @Test
  void credentialsNeverLandInTheConfigurationThatIsCheckpointed() {
    StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).uiPort(4040)
        .uiBasicAuth("ops", "open-sesame").uiBearerToken("t0ken-abc").build();
    assertThat(context.config()).containsEntry("ui.port", "4040").doesNotContainValue("open-sesame")
        .doesNotContainValue("t0ken-abc");
    assertThat(Redaction.isSecret("sasl.jaas.config")).isTrue();
    assertThat(Redaction.isSecret("ssl.key.password")).isTrue();
    assertThat(Redaction.isSecret("bootstrap.servers")).isFalse();
    assertThat(Redaction.isSecret("ui.port")).isFalse();
  }
}
