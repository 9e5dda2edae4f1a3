package io.tidemark.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the status page and its metrics cost: the word count of {@link ThroughputBenchmark} with the page
 * on (its listener and meters recording every batch) and a client in the same JVM asking, every {@code
 * pollMillis}, for what the page asks for each second (the new batches, the pipeline, stages, sources and
 * checkpoint) and for a Prometheus scrape (which usually comes every 15 s), against the page off;
 * rounds alternated in one JVM so drift from other load hits both alike. Prints every round, then the
 * medians with their range (min–max), the ratio of the medians, and the median of each round's ratio
 * (on a shared machine the steadier figure); asserts nothing about time.
 *
 * <p>Arguments: {@code [rounds=11] [batches=100] [linesPerBatch=20000] [pollMillis=1000] [parallelism=cores]}.
 */
public final class StatusBenchmark {

  private static final List<String> PATHS = List.of("api/v1/pipeline", "api/v1/batches?since=", "api/v1/stages",
      "api/v1/sources", "api/v1/checkpoint", "metrics");
  private static final Pattern BATCH_TIME = Pattern.compile("\"batchTime\" : (\\d+)");

  private StatusBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int linesPerBatch = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    long pollMillis = args.length > 3 ? Long.parseLong(args[3]) : 1000;
    int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
    List<List<String>> data = ThroughputBenchmark.generate(batches, linesPerBatch);
    long words = (long) batches * linesPerBatch * 10;
    AtomicLong requests = new AtomicLong();
    round(data, parallelism, false, pollMillis, requests); // warm-up, both ways
    round(data, parallelism, true, pollMillis, requests);
    double[] off = new double[rounds];
    double[] on = new double[rounds];
    double[] offCpu = new double[rounds];
    double[] onCpu = new double[rounds];
    double[] offPipelineCpu = new double[rounds];
    double[] onPipelineCpu = new double[rounds];
    requests.set(0);
    for (int round = 0; round < rounds; round++) {
      boolean onFirst = round % 2 == 1; // neither side always runs right after the other
      double[] onRound = null;
      if (onFirst) {
        onRound = round(data, parallelism, true, pollMillis, requests);
      }
      double[] offRound = round(data, parallelism, false, pollMillis, requests);
      if (!onFirst) {
        onRound = round(data, parallelism, true, pollMillis, requests);
      }
      off[round] = words / offRound[0];
      on[round] = words / onRound[0];
      offCpu[round] = words / offRound[1];
      onCpu[round] = words / onRound[1];
      offPipelineCpu[round] = words / offRound[2];
      onPipelineCpu[round] = words / onRound[2];
      System.out.printf("status round=%d off_words_per_s=%.0f on_words_per_s=%.0f off_words_per_cpu_s=%.0f"
          + " on_words_per_cpu_s=%.0f off_words_per_pipeline_cpu_s=%.0f on_words_per_pipeline_cpu_s=%.0f%n", round,
          off[round], on[round], offCpu[round], onCpu[round], offPipelineCpu[round], onPipelineCpu[round]);
    }
    if (requests.get() == 0) {
      throw new IllegalStateException("benchmark broken: the status page was never asked");
    }
    double[] paired = new double[rounds]; // each round's on/off: drift of the machine's load cancels within a round
    for (int round = 0; round < rounds; round++) {
      paired[round] = on[round] / off[round];
    }
    Arrays.sort(off);
    Arrays.sort(on);
    Arrays.sort(paired);
    Arrays.sort(offCpu);
    Arrays.sort(onCpu);
    Arrays.sort(offPipelineCpu);
    Arrays.sort(onPipelineCpu);
    System.out.printf("status page: word count, %d batches of %d lines, parallelism %d, %d rounds: off %s words/s,"
        + " on %s words/s (%d requests answered, every %d ms), on/off of the medians %.3f, median of the rounds'"
        + " on/off %s%n", batches, linesPerBatch, parallelism, rounds, CheckpointBenchmark.spread(off, "%.0f"),
        CheckpointBenchmark.spread(on, "%.0f"), requests.get(), pollMillis, on[rounds / 2] / off[rounds / 2],
        CheckpointBenchmark.spread(paired, "%.3f"));
    // the JVM's CPU time per word: what the page costs the pipeline's process, less swayed by other processes
    System.out.printf("status page, per CPU second of the JVM (the round's start and stop included): off %s words,"
        + " on %s words, on/off of the medians %.3f%n", CheckpointBenchmark.spread(offCpu, "%.0f"),
        CheckpointBenchmark.spread(onCpu, "%.0f"), onCpu[rounds / 2] / offCpu[rounds / 2]);
    System.out.printf("status page, per CPU second of the pipeline's threads while the batches ran: off %s words,"
        + " on %s words, on/off of the medians %.3f%n", CheckpointBenchmark.spread(offPipelineCpu, "%.0f"),
        CheckpointBenchmark.spread(onPipelineCpu, "%.0f"), onPipelineCpu[rounds / 2] / offPipelineCpu[rounds / 2]);
  }

  /**
   * One round: its wall seconds (the batches' time), the JVM's CPU seconds (the whole round, start and stop
   * included) and the CPU seconds of the pipeline's own threads (job generator, job runner, workers) while
   * the batches ran: what the status machinery costs the batches themselves.
   */
  private static double[] round(List<List<String>> data, int parallelism, boolean status, long pollMillis,
      AtomicLong requests) throws InterruptedException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    PipelineCpu pipelineCpu = new PipelineCpu();
    double seconds = ThroughputBenchmark.runRound("wc", data, parallelism, null,
        builder -> status ? builder.uiPort(4040) : builder, context -> {
          pipelineCpu.start();
          AutoCloseable client = status ? poll(context.statusPageUrl().orElseThrow(), pollMillis, requests) : () -> { };
          return () -> {
            pipelineCpu.stop();
            client.close();
          };
        });
    return new double[] {seconds, (os.getProcessCpuTime() - cpuBefore) / 1e9, pipelineCpu.seconds};
  }

  /** The CPU time of the pipeline's threads between {@link #start} and {@link #stop}. */
  private static final class PipelineCpu {
    private static final List<String> THREADS = List.of("tidemark-worker-", "tidemark-job-");
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> atStart;
    private double seconds;

    void start() {
      atStart = cpuByThread();
    }

    void stop() {
      long nanos = 0;
      for (Map.Entry<Long, Long> thread : cpuByThread().entrySet()) {
        nanos += thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L);
      }
      seconds = nanos / 1e9;
    }

    private Map<Long, Long> cpuByThread() {
      Map<Long, Long> cpu = new HashMap<>();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (THREADS.stream().anyMatch(thread.getName()::startsWith)) {
          long nanos = threads.getThreadCpuTime(thread.getId());
          if (nanos >= 0) {
            cpu.put(thread.getId(), nanos);
          }
        }
      }
      return cpu;
    }
  }

  /** Asks for every document of the page at {@code base} every {@code pollMillis} until closed. */
  private static AutoCloseable poll(URI base, long pollMillis, AtomicLong requests) {
    HttpClient http = HttpClient.newHttpClient();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread poller = new Thread(() -> {
      try {
        long since = Long.MIN_VALUE; // as the page: only the batches it has not seen yet
        while (!Thread.currentThread().isInterrupted()) {
          for (String path : PATHS) {
            String asked = path.endsWith("=") ? path + since : path;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(asked))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              throw new IllegalStateException(asked + " answered " + response.statusCode());
            }
            requests.incrementAndGet();
            if (path.endsWith("=")) {
              for (Matcher time = BATCH_TIME.matcher(response.body()); time.find(); ) {
                since = Math.max(since, Long.parseLong(time.group(1)));
              }
            }
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
