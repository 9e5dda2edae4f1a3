package io.tidemark.bench;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.KV;
import io.tidemark.function.StreamingListener;
import io.tidemark.schema.Serializers;
import io.tidemark.stream.DStream;
import io.tidemark.stream.PairDStream;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingContextBuilder;
import io.tidemark.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * End-to-end throughput of the engine on the peers' word-count workload (see /work/shared/peers): lines
 * of 10 words from a 10,000-word vocabulary, {@code new Random(42)}, pre-generated batches fed through
 * the queue source. The pipeline runs backlogged: the manual clock jumps over every batch interval at
 * once, so batches run back to back and the time measured is the engine's.
 *
 * <p>Arguments: {@code [mode=wc|window|state|all] [batches=50] [linesPerBatch=20000] [rounds=5]
 * [parallelism=cores]}.
 */
public final class ThroughputBenchmark {

  private static final Duration INTERVAL = Duration.ofSeconds(1);

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // no per-batch log line
    }
    String mode = args.length > 0 ? args[0] : "all";
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int linesPerBatch = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
    List<List<String>> data = generate(batches, linesPerBatch);
    long words = (long) batches * linesPerBatch * 10;
    for (String m : mode.equals("all") ? List.of("wc", "window", "state") : List.of(mode)) {
      runRound(m, data, parallelism); // warm-up: JIT and heap sizing
      double best = Double.MAX_VALUE;
      for (int round = 0; round < rounds; round++) {
        double seconds = runRound(m, data, parallelism);
        best = Math.min(best, seconds);
        System.out.printf("tidemark mode=%s round=%d batches=%d words=%d seconds=%.3f words_per_s=%.0f%n",
            m, round, batches, words, seconds, words / seconds);
      }
      System.out.printf("tidemark mode=%s batches=%d words=%d seconds=%.3f words_per_s=%.0f parallelism=%d (best of %d)%n",
          m, batches, words, best, words / best, parallelism, rounds);
    }
  }

  /** The peers' generator: same seed, same vocabulary, same lines. */
  static List<List<String>> generate(int batches, int linesPerBatch) {
    Random r = new Random(42);
    String[] vocab = new String[10000];
    for (int i = 0; i < vocab.length; i++) {
      vocab[i] = "w" + i;
    }
    List<List<String>> all = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      List<String> lines = new ArrayList<>(linesPerBatch);
      for (int i = 0; i < linesPerBatch; i++) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 10; k++) {
          if (k > 0) {
            sb.append(' ');
          }
          sb.append(vocab[r.nextInt(vocab.length)]);
        }
        lines.add(sb.toString());
      }
      all.add(lines);
    }
    return all;
  }

  /** Runs all batches through a fresh pipeline; returns the seconds from the first batch's time to the last one's completion. */
  static double runRound(String mode, List<List<String>> data, int parallelism) throws InterruptedException {
    return runRound(mode, data, parallelism, null);
  }

  /**
   * As {@link #runRound(String, List, int)}, checkpointing to {@code checkpointDirectory} (a new one)
   * every 10 batches, or not at all when it is null.
   */
  static double runRound(String mode, List<List<String>> data, int parallelism, String checkpointDirectory)
      throws InterruptedException {
    return runRound(mode, data, parallelism, checkpointDirectory, builder -> builder, context -> () -> { });
  }

  /**
   * As {@link #runRound(String, List, int, String)}, with more {@code options} for the context, and {@code
   * whileRunning} started once the context is, closed once the last batch completed (e.g. a client of the
   * status page).
   */
  static double runRound(String mode, List<List<String>> data, int parallelism, String checkpointDirectory,
      UnaryOperator<StreamingContextBuilder> options, Function<StreamingContext, AutoCloseable> whileRunning)
      throws InterruptedException {
    ManualClock clock = new ManualClock();
    StreamingContextBuilder builder = options.apply(StreamingContext.builder(INTERVAL).clock(clock)
        .parallelism(parallelism).checkpointInterval(INTERVAL.multipliedBy(10)));
    StreamingContext context = checkpointDirectory == null ? pipeline(builder, mode, data)
        : StreamingContext.getOrCreate(checkpointDirectory, () -> pipeline(builder, mode, data));
    CountDownLatch done = new CountDownLatch(data.size());
    AtomicLong records = new AtomicLong();
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) { // after the outputs and the batch's checkpoints
        records.addAndGet(info.recordsIn());
        done.countDown();
      }
    });
    context.start(); // setup (with checkpointing: the filesystem opened, the directory locked) is not throughput
    long start;
    long end;
    try (AutoCloseable running = whileRunning.apply(context)) {
      start = System.nanoTime();
      clock.advance(INTERVAL.multipliedBy(data.size()));
      done.await();
      end = System.nanoTime();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("What ran beside the pipeline failed: " + e, e);
    } finally {
      context.stop(false);
    }
    if (records.get() == 0) {
      throw new IllegalStateException("no input was processed");
    }
    return (end - start) / 1e9;
  }

  private static StreamingContext pipeline(StreamingContextBuilder builder, String mode, List<List<String>> data) {
    StreamingContext context = builder.build();
    DStream<String> lines = context.queueStream(new ConcurrentLinkedQueue<>(data), true);
    PairDStream<String, Long> ones = lines.flatMap(line -> Arrays.asList(line.split(" ")))
        .mapToPair(word -> KV.of(word, 1L));
    PairDStream<String, Long> counts = switch (mode) {
      case "wc" -> ones.reduceByKey(Long::sum);
      case "window" -> ones.reduceByKeyAndWindow("window", Long::sum, (a, b) -> a - b,
          INTERVAL.multipliedBy(4), INTERVAL);
      case "state" -> ones.updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
          (List<Long> values, Optional<Long> total) -> {
            long sum = total.orElse(0L);
            for (long v : values) {
              sum += v;
            }
            return sum;
          });
      default -> throw new IllegalArgumentException("mode must be wc, window, state or all: " + mode);
    };
    counts.foreachBatch((time, batch) -> { });
    return context;
  }
}
