package io.tidemark.sink;

import io.tidemark.engine.PartitionedBatch;
import io.tidemark.stream.BatchTime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes each batch to the directory {@code prefix-<timeMs>[.suffix]}, one {@code part-NNNNN} file of
 * lines per partition. The batch is written to a hidden temporary directory that is then renamed into
 * place, so readers never see a half-written batch and a rerun of the batch (same time, same name)
 * replaces the earlier output instead of adding to it.
 */
public final class TextFilesSink<T> implements PartitionedBatchSink<T> {

  private final String prefix;
  private final String suffix;

  public TextFilesSink(String prefix, String suffix) {
    this.prefix = prefix;
    this.suffix = suffix == null ? "" : suffix;
  }

  /** The directory of the batch at {@code time}. */
  public Path directoryOf(BatchTime time) {
    return Path.of(prefix + "-" + time.milliseconds() + (suffix.isEmpty() ? "" : "." + suffix));
  }

  @Override
  public void write(BatchTime time, PartitionedBatch<T> batch) {
    Path target = directoryOf(time).toAbsolutePath();
    Path parent = target.getParent();
    Path temporary = parent.resolve("." + target.getFileName() + ".tmp");
    Path replaced = parent.resolve("." + target.getFileName() + ".old");
    try {
      Files.createDirectories(parent);
      deleteIfExists(temporary); // left over from a crash while writing this batch
      deleteIfExists(replaced);
      Files.createDirectory(temporary);
      for (int p = 0; p < batch.partitionCount(); p++) {
        try (BufferedWriter out = Files.newBufferedWriter(temporary.resolve(String.format("part-%05d", p)),
            StandardCharsets.UTF_8)) {
          for (T element : batch.partition(p)) {
            out.write(String.valueOf(element));
            out.newLine();
          }
        }
      }
      if (Files.exists(target)) {
        Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      deleteIfExists(replaced);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write batch " + time + " to " + target, e);
    }
  }

  private static void deleteIfExists(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    Files.walkFileTree(directory, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
