package io.tidemark.stream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration a pipeline's sources and sinks read: an immutable map of strings with typed getters.
 * A getter fails on a value that does not parse, naming the key, the value and what was expected, so a
 * misconfigured pipeline stops before its first batch rather than running with a silent fallback.
 */
public final class PipelineConfig {

  private static final PipelineConfig EMPTY = new PipelineConfig(Map.of());

  private final Map<String, String> entries;

  private PipelineConfig(Map<String, String> entries) {
    this.entries = entries;
  }

  public static PipelineConfig empty() {
    return EMPTY;
  }

  public static PipelineConfig of(Map<String, String> entries) {
    return new PipelineConfig(Map.copyOf(entries));
  }

  /** This configuration with {@code key} set to {@code value}. */
  public PipelineConfig with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(entries);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
    return new PipelineConfig(Map.copyOf(copy));
  }

  public String get(String key, String defaultValue) {
    return entries.getOrDefault(key, defaultValue);
  }

  public int getInt(String key, int defaultValue) {
    String value = entries.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, value, "an int", e);
    }
  }

  public long getLong(String key, long defaultValue) {
    String value = entries.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, value, "a long", e);
    }
  }

  /** {@code true} or {@code false}, ignoring case; anything else is an error, not {@code false}. */
  public boolean getBoolean(String key, boolean defaultValue) {
    String value = entries.get(key);
    if (value == null) {
      return defaultValue;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false", null);
    };
  }

  /** A duration in the {@link Durations#parse} format, e.g. {@code 500ms}, {@code 10s}, {@code 1h}. */
  public Duration getDuration(String key, Duration defaultValue) {
    String value = entries.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(key, value, "a duration such as 500ms, 10s or 1h", e);
    }
  }

  public Map<String, String> asMap() {
    return entries;
  }

  private static IllegalArgumentException invalid(String key, String value, String expected, Exception cause) {
    return new IllegalArgumentException(
        "Configuration key '" + key + "' has value '" + value + "', expected " + expected, cause);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PipelineConfig config && config.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "PipelineConfig" + entries;
  }
}
