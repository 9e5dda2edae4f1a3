package io.tidemark.drill;

import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Where {@link CrashingLocalFileSystem} halts the JVM: the {@code nth} {@code operation} on a path
 * containing {@code pathPart}, {@code after} it completed or just before it.
 */
public record CrashPoint(Operation operation, String pathPart, int nth, boolean after) {

  public enum Operation { CREATE, RENAME, DELETE }

  private static final String KEY = "tidemark.drill.crash";

  static CrashPoint before(Operation operation, String pathPart, int nth) {
    return new CrashPoint(operation, pathPart, nth, false);
  }

  static CrashPoint after(Operation operation, String pathPart, int nth) {
    return new CrashPoint(operation, pathPart, nth, true);
  }

  boolean matches(Operation op, String path) {
    return op == operation && path.contains(pathPart);
  }

  /** The Hadoop configuration entries that install the crashing filesystem with this crash point. */
  Map<String, String> configuration() {
    return Map.of("fs.file.impl", CrashingLocalFileSystem.class.getName(),
        KEY, String.join(",", operation.name(), pathPart, Integer.toString(nth), after ? "after" : "before"));
  }

  /** The crash point {@link #configuration()} put in {@code conf}. */
  static CrashPoint from(Configuration conf) {
    String value = conf.get(KEY);
    if (value == null) {
      throw new IllegalStateException(CrashingLocalFileSystem.class.getSimpleName() + " needs " + KEY);
    }
    String[] parts = value.split(",");
    return new CrashPoint(Operation.valueOf(parts[0]), parts[1], Integer.parseInt(parts[2]), parts[3].equals("after"));
  }

  @Override
  public String toString() {
    return (after ? "after " : "before ") + operation.name().toLowerCase(Locale.ROOT) + " #" + nth + " of *"
        + pathPart + "*";
  }
}
