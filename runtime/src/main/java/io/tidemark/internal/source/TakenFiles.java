package io.tidemark.internal.source;

import java.util.Map;

/**
 * The position of a directory source: when it started looking (older files are never taken), the time of
 * the last batch it planned (what counts as recent is measured from it, so a restart after a long
 * downtime still takes the files that arrived meanwhile), and the files it has taken, with their
 * modification times, that are still recent enough to be seen again.
 *
 * @param lastPlannedMillis 0 in checkpoints written before it was recorded: then the start time counts
 */
public record TakenFiles(long startTimeMillis, long lastPlannedMillis, Map<String, Long> files)
    implements SourcePosition {

  public static final String TYPE = "takenFiles";

  public TakenFiles {
    files = Map.copyOf(files);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
