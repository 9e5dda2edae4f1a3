package io.tidemark.bench;

import io.tidemark.internal.checkpoint.CheckpointStore;
import io.tidemark.internal.checkpoint.StateFile;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.local.HashPartitioner;
import io.tidemark.sample.Directories;
import io.tidemark.schema.Serializers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * What checkpoints cost, measured in one run, on the local filesystem under {@code target/}:
 *
 * <ol>
 *   <li>a data checkpoint of 1,000,000 keys of {@code KV<String, Long>} state ({@code user-123456}):
 *       write time, restore time (state files read and re-partitioned into per-partition maps) and bytes
 *       on disk, against Java serialization of the same {@code HashMap<String, Long>};
 *   <li>word-count throughput, stateless ({@code wc}) and stateful ({@code state}), with checkpointing on
 *       (metadata every batch, state every 10 batches) and off, rounds alternated.
 * </ol>
 *
 * Prints every round, then medians with their spread (min–max); asserts nothing about time.
 * Arguments: {@code [keys=1000000] [rounds=5] [batches=50] [linesPerBatch=20000] [parallelism=cores]}.
 */
public final class CheckpointBenchmark {

  private CheckpointBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int batches = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int linesPerBatch = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
    Path work = Path.of("target", "checkpoint-bench");
    Directories.deleteTree(work);
    Files.createDirectories(work);
    stateCheckpoint(work, keys, rounds, parallelism);
    throughput(work, rounds, batches, linesPerBatch, parallelism);
  }

  private static void stateCheckpoint(Path work, int keyCount, int rounds, int parallelism) throws Exception {
    Map<String, Long> state = new HashMap<>();
    for (int i = 0; i < keyCount; i++) {
      state.put("user-" + i, (long) i * 7);
    }
    StateSerializers<String, Long> serializers = new StateSerializers<>(Serializers.strings(), Serializers.longs());
    List<Map<String, Long>> partitions = partition(state, parallelism);
    Path javaFile = work.resolve("state.ser");
    double[][] figures = new double[4][rounds + 1];
    long[] bytes = new long[2];
    for (int round = 0; round <= rounds; round++) { // round 0 warms up
      String directory = work.resolve("state-" + round).toString();
      try (CheckpointStore store = CheckpointStore.open(directory, new Configuration())) {
        figures[0][round] = seconds(() -> {
          for (int p = 0; p < partitions.size(); p++) {
            Map<String, Long> partition = partitions.get(p);
            store.writeAtomically(store.stateFile("totals", 0, p), StateFile.write(serializers,
                entries -> partition.forEach((key, value) -> entries.accept(key, value, 0))));
          }
        });
        figures[1][round] = seconds(() -> {
          List<Map<String, Long>> restored = new ArrayList<>();
          for (int p = 0; p < parallelism; p++) {
            restored.add(new HashMap<>());
          }
          for (org.apache.hadoop.fs.Path part : store.stateFiles("totals", 0)) {
            for (StateFile.Entry<String, Long> entry : StateFile.read(store.read(part), serializers, f -> null)) {
              restored.get(HashPartitioner.partitionOf(entry.key(), parallelism)).put(entry.key(), entry.value());
            }
          }
          check(restored.stream().mapToInt(Map::size).sum() == keyCount, "restored every key");
        });
        bytes[0] = bytesUnder(Path.of(directory, "state"));
      }
      figures[2][round] = seconds(() -> {
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(javaFile)))) {
          out.writeObject(state);
        }
      });
      figures[3][round] = seconds(() -> {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(javaFile)))) {
          check(((Map<?, ?>) in.readObject()).size() == keyCount, "read every key");
        }
      });
      bytes[1] = Files.size(javaFile);
      System.out.printf("state round=%d tidemark_write_s=%.3f tidemark_restore_s=%.3f java_write_s=%.3f"
          + " java_read_s=%.3f%n", round, figures[0][round], figures[1][round], figures[2][round], figures[3][round]);
    }
    System.out.printf("state keys=%d partitions=%d: tidemark write %s, restore %s, %d bytes; java serialization"
        + " write %s, read %s, %d bytes (tidemark/java size %.2f)%n", keyCount, parallelism, median(figures[0]),
        median(figures[1]), bytes[0], median(figures[2]), median(figures[3]), bytes[1], (double) bytes[0] / bytes[1]);
  }

  private static void throughput(Path work, int rounds, int batches, int linesPerBatch, int parallelism)
      throws Exception {
    List<List<String>> data = ThroughputBenchmark.generate(batches, linesPerBatch);
    for (String mode : List.of("wc", "state")) {
      throughput(mode, data, work, rounds, parallelism);
    }
  }

  private static void throughput(String mode, List<List<String>> data, Path work, int rounds, int parallelism)
      throws Exception {
    long words = data.stream().mapToLong(List::size).sum() * 10;
    ThroughputBenchmark.runRound(mode, data, parallelism, null); // warm-up
    ThroughputBenchmark.runRound(mode, data, parallelism, work.resolve(mode + "-warm-up").toString());
    double[] off = new double[rounds];
    double[] on = new double[rounds];
    for (int round = 0; round < rounds; round++) { // alternated, so drift from other load hits both alike
      off[round] = words / ThroughputBenchmark.runRound(mode, data, parallelism, null);
      on[round] = words / ThroughputBenchmark.runRound(mode, data, parallelism,
          work.resolve(mode + "-" + round).toString());
      System.out.printf("throughput mode=%s round=%d off_words_per_s=%.0f on_words_per_s=%.0f%n", mode, round,
          off[round], on[round]);
    }
    Arrays.sort(off);
    Arrays.sort(on);
    System.out.printf("throughput %s mode, %d batches of %d lines, metadata every batch, state every 10: off %s words/s,"
        + " on %s words/s, on/off %.2f%n", mode, data.size(), data.get(0).size(), spread(off, "%.0f"),
        spread(on, "%.0f"), on[rounds / 2] / off[rounds / 2]);
  }

  private static List<Map<String, Long>> partition(Map<String, Long> state, int parallelism) {
    List<Map<String, Long>> partitions = new ArrayList<>();
    for (int p = 0; p < parallelism; p++) {
      partitions.add(new HashMap<>());
    }
    state.forEach((key, value) -> partitions.get(HashPartitioner.partitionOf(key, parallelism)).put(key, value));
    return partitions;
  }

  private interface Timed {
    void run() throws Exception;
  }

  private static double seconds(Timed timed) throws Exception {
    long start = System.nanoTime();
    timed.run();
    return (System.nanoTime() - start) / 1e9;
  }

  /** The median of the measured rounds (index 0, the warm-up, left out) with their range, in seconds. */
  private static String median(double[] withWarmUp) {
    double[] measured = Arrays.copyOfRange(withWarmUp, 1, withWarmUp.length);
    Arrays.sort(measured);
    return spread(measured, "%.3f") + " s";
  }

  /** The median of {@code sorted} and, in brackets, its range. */
  static String spread(double[] sorted, String format) {
    return String.format(format + " (" + format + "–" + format + ")", sorted[sorted.length / 2], sorted[0],
        sorted[sorted.length - 1]);
  }

  private static long bytesUnder(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark broken: not " + what);
    }
  }
}
