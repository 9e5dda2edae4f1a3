package io.tidemark.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the status page and its metrics cost: the word count of {@link ThroughputBenchmark} with the page
 * on (its listener and meters recording every batch) and a client asking for every API document and a
 * Prometheus scrape every {@code pollMillis} (ten times as often as the page does), against the page off;
 * rounds alternated in one JVM so drift from other load hits both alike. Prints every round, then the
 * medians with their range (min–max) and the ratio of the medians; asserts nothing about time.
 *
 * <p>Arguments: {@code [rounds=11] [batches=100] [linesPerBatch=20000] [pollMillis=100] [parallelism=cores]}.
 */
public final class StatusBenchmark {

  private static final List<String> PATHS = List.of("api/v1/pipeline", "api/v1/batches", "api/v1/stages",
      "api/v1/sources", "api/v1/checkpoint", "metrics");

  private StatusBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int linesPerBatch = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    long pollMillis = args.length > 3 ? Long.parseLong(args[3]) : 100;
    int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
    List<List<String>> data = ThroughputBenchmark.generate(batches, linesPerBatch);
    long words = (long) batches * linesPerBatch * 10;
    AtomicLong requests = new AtomicLong();
    round(data, parallelism, false, pollMillis, requests); // warm-up, both ways
    round(data, parallelism, true, pollMillis, requests);
    double[] off = new double[rounds];
    double[] on = new double[rounds];
    requests.set(0);
    for (int round = 0; round < rounds; round++) {
      boolean onFirst = round % 2 == 1; // neither side always runs right after the other
      if (onFirst) {
        on[round] = words / round(data, parallelism, true, pollMillis, requests);
      }
      off[round] = words / round(data, parallelism, false, pollMillis, requests);
      if (!onFirst) {
        on[round] = words / round(data, parallelism, true, pollMillis, requests);
      }
      System.out.printf("status round=%d off_words_per_s=%.0f on_words_per_s=%.0f%n", round, off[round], on[round]);
    }
    if (requests.get() == 0) {
      throw new IllegalStateException("benchmark broken: the status page was never asked");
    }
    Arrays.sort(off);
    Arrays.sort(on);
    System.out.printf("status page: word count, %d batches of %d lines, parallelism %d, %d rounds: off %s words/s,"
        + " on %s words/s (%d requests answered, every %d ms), on/off %.3f%n", batches, linesPerBatch, parallelism,
        rounds, CheckpointBenchmark.spread(off, "%.0f"), CheckpointBenchmark.spread(on, "%.0f"), requests.get(),
        pollMillis, on[rounds / 2] / off[rounds / 2]);
  }

  private static double round(List<List<String>> data, int parallelism, boolean status, long pollMillis,
      AtomicLong requests) throws InterruptedException {
    if (!status) {
      return ThroughputBenchmark.runRound("wc", data, parallelism, null);
    }
    return ThroughputBenchmark.runRound("wc", data, parallelism, null, builder -> builder.uiPort(4040),
        context -> poll(context.statusPageUrl().orElseThrow(), pollMillis, requests));
  }

  /** Asks for every document of the page at {@code base} every {@code pollMillis} until closed. */
  private static AutoCloseable poll(URI base, long pollMillis, AtomicLong requests) {
    HttpClient http = HttpClient.newHttpClient();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread poller = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          for (String path : PATHS) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            requests.incrementAndGet();
          }
          Thread.sleep(pollMillis);
        }
      } catch (InterruptedException e) {
        // closed
      } catch (Exception e) {
        failure.set(e);
      }
    }, "status-benchmark-client");
    poller.setDaemon(true);
    poller.start();
    return () -> {
      poller.interrupt();
      poller.join();
      if (failure.get() != null) {
        throw failure.get();
      }
    };
  }
}
