package io.tidemark.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A fixed set of input files for {@link DrilledWordCount}, generated from a seed: lines of words from a
 * small vocabulary, so every word recurs across many batches. Files are moved into the input directory
 * atomically, in order, as the directory source requires.
 */
final class SeededInput {

  private static final List<String> WORDS = List.of("tide", "moon", "sea", "sand", "wave", "gull", "salt", "reef",
      "foam", "shore", "drift", "swell", "ebb", "flood", "kelp", "pier", "buoy", "gale", "mist", "dune");

  private final List<String> files = new ArrayList<>();
  private int fed;

  SeededInput(long seed, int fileCount) {
    Random random = new Random(seed);
    for (int f = 0; f < fileCount; f++) {
      StringBuilder text = new StringBuilder();
      for (int line = 1 + random.nextInt(4); line > 0; line--) {
        List<String> words = new ArrayList<>();
        for (int w = 1 + random.nextInt(8); w > 0; w--) {
          words.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        text.append(String.join(" ", words)).append('\n');
      }
      files.add(text.toString());
    }
  }

  /** The true word counts of all files. */
  Map<String, Long> wordCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String text : files) {
      for (String word : text.split("\\s+")) {
        counts.merge(word, 1L, Long::sum);
      }
    }
    return counts;
  }

  int fileCount() {
    return files.size();
  }

  boolean allFed() {
    return fed == files.size();
  }

  /** Moves the next {@code count} files (or the rest) into {@code directory}: each written hidden, then renamed. */
  void feed(Path directory, int count) throws IOException {
    for (int end = Math.min(files.size(), fed + count); fed < end; fed++) {
      String name = String.format("input-%04d.txt", fed);
      Path hidden = Files.writeString(directory.resolve("." + name), files.get(fed), StandardCharsets.UTF_8);
      Files.move(hidden, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
