package io.tidemark.internal.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lines of the text files that appear in a directory, as Spark's {@code textFileStream}: each batch
 * takes the files whose modification time is at or before the batch time and after the context's start
 * (older files are ignored, with a second of slack for filesystem clocks), that no earlier batch took.
 * Files whose name starts with {@code .} or {@code _} are ignored (in-progress files); writers should
 * move complete files in.
 *
 * <p>Unlike Spark's, "too old to be new" is measured from the last batch this source planned, not from
 * the batch being planned: after a restart that follows a long downtime, the files that arrived while
 * the job was down are still new.
 */
public final class DirectorySource implements InputSource<String, FileList> {

  private static final Logger LOG = LoggerFactory.getLogger(DirectorySource.class);
  /**
   * Files modified this long before the previous batch are no longer considered new, so the taken set
   * stays small: by then a batch has had them.
   */
  private static final long REMEMBER_MILLIS = 60_000;
  /**
   * How much older than the start a file may look and still be new. Modification times come from the
   * filesystem's clock, which lags ours (Linux stamps files with a clock that ticks every few
   * milliseconds; HDFS with the NameNode's): a file written just after the start can carry a time just
   * before it, and would be lost.
   */
  private static final long START_SLACK_MILLIS = 1_000;

  private final Path directory;
  private final Map<String, Long> taken = new HashMap<>();
  private long startTimeMillis;
  private long lastPlannedMillis;
  /** Files taken since this run started, and by the last batch planned: for the status page. */
  private volatile long filesTaken;
  private volatile int filesOfLastBatch;

  public DirectorySource(Path directory) {
    this.directory = directory;
  }

  @Override
  public String kind() {
    return "textFile";
  }

  @Override
  public void start(SourceContext context) {
    startTimeMillis = context.startTimeMillis();
    lastPlannedMillis = startTimeMillis;
  }

  @Override
  public TakenFiles position() {
    return new TakenFiles(startTimeMillis, lastPlannedMillis, taken);
  }

  /** Takes no file the checkpointed source took; files that arrived since are taken by the next batch. */
  @Override
  public void resume(SourcePosition position, List<FileList> replayed) {
    TakenFiles files = (TakenFiles) position;
    startTimeMillis = files.startTimeMillis();
    lastPlannedMillis = Math.max(startTimeMillis, files.lastPlannedMillis());
    taken.putAll(files.files());
  }

  private record Candidate(Path path, long modified) {}

  @Override
  public FileList plan(long batchTimeMillis) {
    long ignoreBefore = Math.max(startTimeMillis - START_SLACK_MILLIS, lastPlannedMillis - REMEMBER_MILLIS);
    lastPlannedMillis = batchTimeMillis;
    taken.values().removeIf(modified -> modified < ignoreBefore);
    List<Candidate> candidates = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path path : (Iterable<Path>) files::iterator) {
        String name = path.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_") || !Files.isRegularFile(path)) {
          continue;
        }
        long modified = Files.getLastModifiedTime(path).toMillis();
        if (modified >= ignoreBefore && modified <= batchTimeMillis && !taken.containsKey(path.toString())) {
          candidates.add(new Candidate(path, modified));
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot list {} for batch {} ms; its new files go to a later batch", directory, batchTimeMillis, e);
      return new FileList(List.of());
    }
    candidates.sort(Comparator.comparingLong(Candidate::modified).thenComparing(c -> c.path().toString()));
    List<String> paths = new ArrayList<>();
    for (Candidate c : candidates) {
      taken.put(c.path().toString(), c.modified());
      paths.add(c.path().toString());
    }
    filesTaken += paths.size(); // the generator thread is the only writer
    filesOfLastBatch = paths.size();
    return new FileList(paths);
  }

  /** The directory watched. */
  public Path directory() {
    return directory;
  }

  /** The files taken since this run started. */
  public long filesTaken() {
    return filesTaken;
  }

  /** The files the last batch planned took. */
  public int filesOfLastBatch() {
    return filesOfLastBatch;
  }

  @Override
  public List<String> read(FileList descriptor) {
    List<String> lines = new ArrayList<>();
    for (String path : descriptor.paths()) {
      try {
        lines.addAll(Files.readAllLines(Path.of(path), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read input file " + path, e);
      }
    }
    return lines;
  }
}
