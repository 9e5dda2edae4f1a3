package io.tidemark.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tidemark.internal.checkpoint.CheckpointMetadata;
import io.tidemark.internal.checkpoint.MetadataJson;
import io.tidemark.internal.checkpoint.StateFile;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.sample.Directories;
import io.tidemark.schema.Serializers;
import io.tidemark.stream.StreamingContext;
import io.tidemark.stream.StreamingException;
import io.tidemark.testing.ManualClock;
import io.tidemark.testing.StreamingTestHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.metrics2.AbstractMetric;
import org.apache.hadoop.metrics2.MetricsRecord;
import org.apache.hadoop.metrics2.MetricsSource;
import org.apache.hadoop.metrics2.impl.MetricsCollectorImpl;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crash drills with the checkpoint on a real HDFS: a {@link MiniDFSCluster} (one DataNode) in this
 * JVM; child JVMs SIGKILLed while checkpointing to it, and an in-process run across a NameNode restart.
 * Both read the checkpoint back from HDFS afterwards.
 */
class HdfsCheckpointDrillTest {

  private static final long SEED = 4_2026L;
  private static final Path WORK = Path.of("target", "drills");
  /**
   * Each batch writes a few checkpoint files, each a create, hsync, close and rename on HDFS, slow with the
   * NameNode and DataNode in this JVM: longer batches than on the local filesystem keep the child from
   * falling behind, and its graceful stop (which runs every queued batch) short.
   */
  private static final Duration BATCH = Duration.ofSeconds(1);
  private static MiniDFSCluster hdfs;

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, Path.of("target", "minidfs").toAbsolutePath().toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
  }

  @AfterAll
  static void stopHdfs() {
    hdfs.shutdown();
  }

  private static String hdfsUri(String directory) throws IOException {
    return hdfs.getFileSystem().getUri() + "/" + directory;
  }

  @Test
  void sigkilledChildrenCheckpointingToHdfs() throws Exception {
    int kills = 6;
    SeededInput input = new SeededInput(SEED, 60);
    String checkpoint = hdfsUri("sigkill");
    WordCountOutput output;
    try (WordCountDrill drill = new WordCountDrill(WORK.resolve("hdfs-sigkill"), checkpoint, BATCH, input)) {
      Random random = new Random(SEED);
      drill.start();
      drill.awaitFirstCheckpoint();
      for (int kill = 0; kill < kills; kill++) {
        drill.feed(input.fileCount() / kills);
        Thread.sleep(1000 + random.nextInt(3000));
        drill.kill();
        drill.start();
      }
      output = drill.finish();
    }
    output.assertExactlyOnce(input.wordCounts());
    assertCheckpointIntact(checkpoint, output);
  }

  /**
   * Every metadata file on HDFS reads back, and the totals state the newest references holds exactly the
   * totals output of its batch.
   */
  private static void assertCheckpointIntact(String checkpoint, WordCountOutput output) throws IOException {
    FileSystem fs = hdfs.getFileSystem();
    TreeMap<Long, CheckpointMetadata> metadata = new TreeMap<>();
    for (FileStatus file : fs.globStatus(new org.apache.hadoop.fs.Path(checkpoint, "metadata/batch-*.json"))) {
      CheckpointMetadata read = MetadataJson.read(readAll(fs, file.getPath()));
      metadata.put(read.batchTime(), read);
    }
    assertThat(metadata).isNotEmpty();
    CheckpointMetadata newest = metadata.lastEntry().getValue();
    long stateTime = newest.stateTime().orElseThrow();
    Map<String, Long> state = new TreeMap<>();
    StateSerializers<String, Long> serializers = new StateSerializers<>(Serializers.strings(), Serializers.longs());
    FileStatus[] parts = fs.globStatus(new org.apache.hadoop.fs.Path(checkpoint, "state/totals/" + stateTime + "/part-*"));
    assertThat(parts).as("state files of batch %d", stateTime).hasSize(2);
    for (FileStatus part : parts) {
      for (StateFile.Entry<String, Long> entry : StateFile.read(readAll(fs, part.getPath()), serializers,
          newest.schemas()::get)) {
        state.put(entry.key(), entry.value());
      }
    }
    assertThat(state).isEqualTo(new TreeMap<>(output.batches(WordCountOutput.TOTALS).get(stateTime)));
  }

  private static byte[] readAll(FileSystem fs, org.apache.hadoop.fs.Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aNameNodeRestartFailsTheBatchCleanlyAndARestartRecoversExactly() throws Exception {
    List<List<String>> batches = seededBatches(12);
    String checkpoint = hdfsUri("namenode-restart");
    Configuration client = new Configuration(hdfs.getConfiguration(0));
    client.setInt("ipc.client.connect.max.retries", 3); // give up on a NameNode that is down in a second, not ten
    client.setInt("ipc.client.connect.retry.interval", 300);
    Path interrupted = WORK.resolve("hdfs-namenode-restart");
    Path straight = WORK.resolve("hdfs-straight");
    Directories.deleteTree(interrupted);
    Directories.deleteTree(straight);
    long fsyncsBefore = dataNodeFsyncs();

    ManualClock clock = new ManualClock();
    StreamingContext context = StreamingContext.getOrCreate(checkpoint, client,
        () -> pipeline(clock, batches, interrupted));
    try (StreamingTestHarness harness = new StreamingTestHarness(context, clock)) {
      harness.runBatches(4);
      // the NameNode goes down before the fifth batch writes its metadata checkpoint, and comes back after the
      // batch has failed: the client does not retry the create whose connection broke, so the context stops
      hdfs.shutdownNameNode(0);
      assertThatThrownBy(() -> harness.runBatches(1)).isInstanceOf(StreamingException.class)
          .hasMessageContaining("Cannot write " + checkpoint + "/metadata/batch-5000.json");
      hdfs.restartNameNode(0, true);
      awaitSafeModeOff(); // until then the lock's removal on stop would be refused
    }
    assertThat(dataNodeFsyncs() - fsyncsBefore).as("hsyncs of checkpoint files reaching the DataNode")
        .isGreaterThanOrEqualTo(2 * 4); // two metadata files per batch, besides state files and the lock

    // the failed batch left no output and no checkpoint: its input is taken by the first batch after the restart
    ManualClock restarted = new ManualClock(clock.nowMillis());
    StreamingContext recovered = StreamingContext.getOrCreate(checkpoint, client,
        () -> pipeline(restarted, batches, interrupted));
    try (StreamingTestHarness harness = new StreamingTestHarness(recovered, restarted)) {
      harness.runBatches(batches.size() - 4);
    }

    ManualClock straightClock = new ManualClock();
    StreamingContext uninterrupted = StreamingContext.getOrCreate(hdfsUri("straight"), client,
        () -> pipeline(straightClock, batches, straight));
    try (StreamingTestHarness harness = new StreamingTestHarness(uninterrupted, straightClock)) {
      harness.runBatches(batches.size());
    }
    WordCountOutput output = new WordCountOutput(interrupted);
    WordCountOutput expected = new WordCountOutput(straight);
    for (String sink : List.of(WordCountOutput.COUNTS, WordCountOutput.TOTALS)) {
      assertThat(List.copyOf(output.batches(sink).values())).as("%s batch by batch, one batch later after the failure", sink)
          .isEqualTo(List.copyOf(expected.batches(sink).values())).hasSize(batches.size());
    }
    output.assertExactlyOnce(wordCounts(batches));
    assertCheckpointIntact(checkpoint, output);
  }

  private static void awaitSafeModeOff() throws InterruptedException {
    for (int wait = 0; hdfs.getNamesystem(0).isInSafeMode(); wait++) {
      assertThat(wait).as("tenths of a second the restarted NameNode stays in safe mode").isLessThan(600);
      Thread.sleep(100);
    }
  }

  private static StreamingContext pipeline(ManualClock clock, List<List<String>> batches, Path output) {
    StreamingContext context = StreamingContext.builder(BATCH).clock(clock).parallelism(2)
        .checkpointInterval(BATCH.multipliedBy(2)).build();
    DrilledWordCount.define(context.queueStream(new ConcurrentLinkedQueue<>(batches), true), output);
    return context;
  }

  private static List<List<String>> seededBatches(int count) {
    Random random = new Random(SEED);
    List<String> words = List.of("tide", "moon", "sea", "sand", "wave", "gull");
    List<List<String>> batches = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<String> lines = new ArrayList<>();
      for (int line = random.nextInt(4); line > 0; line--) {
        lines.add(words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size())));
      }
      batches.add(lines);
    }
    return batches;
  }

  private static Map<String, Long> wordCounts(List<List<String>> batches) {
    Map<String, Long> counts = new TreeMap<>();
    batches.stream().flatMap(List::stream).flatMap(line -> List.of(line.split(" ")).stream())
        .forEach(word -> counts.merge(word, 1L, Long::sum));
    return counts;
  }

  /**
   * The DataNode's count of packets it synced to disk: hsync raises it, hflush and close do not. Read from
   * the metrics source itself, as JMX serves a copy refreshed only every few seconds.
   */
  private static long dataNodeFsyncs() {
    MetricsSource source = DefaultMetricsSystem.instance().getSource(hdfs.getDataNodes().get(0).getMetrics().name());
    MetricsCollectorImpl collector = new MetricsCollectorImpl();
    source.getMetrics(collector, true);
    for (MetricsRecord record : collector.getRecords()) {
      for (AbstractMetric metric : record.metrics()) {
        if (metric.name().equals("FsyncCount")) {
          return metric.value().longValue();
        }
      }
    }
    throw new AssertionError("the DataNode reports no FsyncCount");
  }

}
