package io.tidemark.function;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the short duration strings used in configuration and annotations ({@code "500ms"}, {@code
 * "10s"}, {@code "5m"}, {@code "1h"}, {@code "1d"}). Depends on the JDK only, so the annotation
 * processor can validate the same strings at compile time.
 */
public final class Durations {

  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException naming the bad text and the accepted format
   */
  public static Duration parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("Invalid duration '" + text
          + "': expected a whole number followed by a unit ms, s, m, h or d (e.g. 500ms, 10s, 1h)");
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid duration '" + text + "': the number is too large", e);
    }
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m", "min" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** Renders a duration the way the engine's messages show it, e.g. {@code 2500 ms}. */
  public static String format(Duration duration) {
    return duration.toMillis() + " ms";
  }
}
