package ${package};

import io.tidemark.annotation.Default;

/**
 * A word's statistics since the first run: the state of stage {@code totals}, written to the checkpoint
 * under a schema the processor derives from this record. A new version of the code reads the old
 * checkpoint when the change is compatible, and {@code mvn verify} tells which: fields are matched by
 * name; a field may be added with a {@code @Default}, widened ({@code int} to {@code long}) or removed.
 *
 * @param total how often the word occurred
 * @param maxPerBatch the most occurrences in one batch (an int: a one-second batch is small); added after
 *     the first release, whose checkpoints hold no value for it, hence the default they read as
 */
public record WordStats(long total, @Default("0") int maxPerBatch) {

  /** {@code previous} (null for a new word) with a batch that held the word {@code count} times. */
  static WordStats add(WordStats previous, long count) {
    if (previous == null) {
      return new WordStats(count, (int) count);
    }
    return new WordStats(previous.total + count, (int) Math.max(previous.maxPerBatch, count));
  }
}
