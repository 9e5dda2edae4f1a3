package io.tidemark.drill;

import io.tidemark.function.StreamingListener;
import io.tidemark.stream.DStream;
import io.tidemark.stream.StreamingContext;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The pipeline the socket drill kills: lines from a TCP server on the loopback interface, received with
 * the write-ahead log on, saved as they are ({@code lines-<time>}) and counted per batch and in total
 * ({@code counts-<time>}, {@code totals-<time>}, key {@code lines}).
 *
 * <p>As a child JVM's main ({@link DrillChild}): {@code <port> <output dir> <checkpoint dir> <progress
 * file>}. Every receiver progress report (records written to the log, so received for good) is appended
 * to the progress file as {@code <pid> <records received by this JVM>}: the kernel has the line once
 * {@code write} returns, so a SIGKILL cannot lose it.
 */
public final class DrilledSocketLines {

  static final String LINES = "lines";
  static final Duration BATCH = Duration.ofMillis(200);

  private DrilledSocketLines() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path output = Path.of(args[1]);
    String checkpoint = args[2];
    FileOutputStream progress = new FileOutputStream(args[3], true);
    long pid = ProcessHandle.current().pid();
    StreamingContext context = StreamingContext.getOrCreate(checkpoint, DrillChild.hadoopConfiguration(), () -> {
      StreamingContext created = StreamingContext.builder(BATCH).name("drilled-socket-lines").parallelism(2)
          .checkpointInterval(BATCH.multipliedBy(2)).checkpointLockLease(DrillChild.LOCK_LEASE)
          .writeAheadLog(true).build();
      DStream<String> lines = created.socketTextStream("127.0.0.1", port);
      lines.saveAsTextFiles(output.resolve(LINES).toString());
      DrilledWordCount.countAndTotal(lines.map(line -> LINES), output);
      return created;
    });
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onReceiverProgress(String sourceId, long recordsReceived) {
        try {
          progress.write((pid + " " + recordsReceived + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    DrillChild.runUntilStopFile(context);
  }
}
