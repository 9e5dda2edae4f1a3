package io.tidemark.internal.sink;

import io.tidemark.function.BatchTime;
import io.tidemark.sink.PartitionedSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Writes each batch to the directory {@code prefix-<timeMs>[.suffix]}, one {@code part-NNNNN} file of
 * lines per partition. Each partition is written into a hidden temporary directory of the batch; the
 * batch's commit renames it into place, so readers never see a half-written batch and a rerun of the
 * batch (same time, same name) replaces the earlier output instead of adding to it.
 */
public final class TextFilesSink<T> implements PartitionedSink<T> {

  private final String prefix;
  private final String suffix;

  public TextFilesSink(String prefix, String suffix) {
    this.prefix = prefix;
    this.suffix = suffix == null ? "" : suffix;
  }

  /** The directory of the batch at {@code time}. */
  public Path directoryOf(BatchTime time) {
    return Path.of(prefix + "-" + time.milliseconds() + (suffix.isEmpty() ? "" : "." + suffix)).toAbsolutePath();
  }

  private Path temporaryOf(Path target) {
    return target.getParent().resolve("." + target.getFileName() + ".tmp");
  }

  private static String partFile(int partition) {
    return String.format("part-%05d", partition);
  }

  /** Writes the partition's file into the batch's temporary directory, replacing one a crash left there. */
  @Override
  public void writePartition(BatchTime time, int partition, List<T> records) throws IOException {
    Path temporary = temporaryOf(directoryOf(time));
    Files.createDirectories(temporary);
    try (BufferedWriter out = Files.newBufferedWriter(temporary.resolve(partFile(partition)), StandardCharsets.UTF_8)) {
      for (T element : records) {
        out.write(String.valueOf(element));
        out.newLine();
      }
    }
  }

  /**
   * Renames the batch's temporary directory into place, after deleting the parts a crashed run at a
   * higher partition count left in it; an earlier run's output of the batch is replaced.
   */
  @Override
  public void commitBatch(BatchTime time, int partitionCount) throws IOException {
    Path target = directoryOf(time);
    Path temporary = temporaryOf(target);
    Path replaced = target.getParent().resolve("." + target.getFileName() + ".old");
    Files.createDirectories(temporary); // a batch of no partitions still gets its directory
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(temporary)) {
      for (Path part : parts) {
        if (!isPartOfThisRun(part.getFileName().toString(), partitionCount)) {
          Files.delete(part);
        }
      }
    }
    deleteIfExists(replaced);
    if (Files.exists(target)) {
      Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    deleteIfExists(replaced);
  }

  private static boolean isPartOfThisRun(String name, int partitionCount) {
    for (int p = 0; p < partitionCount; p++) {
      if (name.equals(partFile(p))) {
        return true;
      }
    }
    return false;
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
