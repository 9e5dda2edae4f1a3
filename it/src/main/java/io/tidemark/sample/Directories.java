package io.tidemark.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The working directories of the sample, the drills and the benchmarks. */
public final class Directories {

  private Directories() {}

  /**
   * Deletes {@code root} and everything under it, if it exists: what an earlier run left, so that nothing
   * of it (a checkpoint above all) is taken up instead of starting afresh.
   */
  public static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> tree = Files.walk(root)) {
        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
