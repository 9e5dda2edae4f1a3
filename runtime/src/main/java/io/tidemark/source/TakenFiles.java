package io.tidemark.source;

import java.util.Map;

/**
 * The position of a directory source: when it started looking (older files are never taken) and the
 * files it has taken, with their modification times, that are still recent enough to be seen again.
 */
public record TakenFiles(long startTimeMillis, Map<String, Long> files) implements SourcePosition {

  public static final String TYPE = "takenFiles";

  public TakenFiles {
    files = Map.copyOf(files);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
