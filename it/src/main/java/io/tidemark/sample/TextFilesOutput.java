package io.tidemark.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a {@code saveAsTextFiles} sink wrote, read back: one directory {@code <prefix>-<batch time>} per
 * batch under {@code directory}, holding the batch's {@code part-N} files (the sink's temporary
 * directories start with a dot and are not batches).
 */
public final class TextFilesOutput {

  private final Path directory;
  private final String prefix;

  public TextFilesOutput(Path directory, String prefix) {
    this.directory = directory;
    this.prefix = prefix;
  }

  /** The times of the batches with output, oldest first; none while the directory does not exist. */
  public List<Long> batchTimes() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> batches = Files.list(directory)) {
      return batches.map(batch -> batch.getFileName().toString())
          .filter(name -> name.startsWith(prefix + "-"))
          .map(name -> Long.parseLong(name.substring(prefix.length() + 1)))
          .sorted()
          .toList();
    }
  }

  public Path batch(long time) {
    return directory.resolve(prefix + "-" + time);
  }

  /** The newest batch's directory; empty while no batch has output. */
  public Optional<Path> newestBatch() throws IOException {
    List<Long> times = batchTimes();
    return times.isEmpty() ? Optional.empty() : Optional.of(batch(times.get(times.size() - 1)));
  }

  /** The lines of a batch's part files, sorted: partitions hold keys in hash order, sorting makes it stable. */
  public static List<String> lines(Path batch) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(batch)) {
      for (Path part : parts.toList()) {
        lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
      }
    }
    lines.sort(null);
    return lines;
  }
}
