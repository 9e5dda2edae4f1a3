package io.tidemark.stream;

import io.tidemark.function.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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
    return typed(key, defaultValue, "an int", text -> Integer.parseInt(text.trim()));
  }

  public long getLong(String key, long defaultValue) {
    return typed(key, defaultValue, "a long", text -> Long.parseLong(text.trim()));
  }

  /** {@code true} or {@code false}, ignoring case; anything else is an error, not {@code false}. */
  public boolean getBoolean(String key, boolean defaultValue) {
    return typed(key, defaultValue, "true or false", text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(text);
    });
  }

  /** A duration in the {@link Durations#parse} format, e.g. {@code 500ms}, {@code 10s}, {@code 1h}. */
  public Duration getDuration(String key, Duration defaultValue) {
    return typed(key, defaultValue, "a duration such as 500ms, 10s or 1h", Durations::parse);
  }

  /**
   * The value of {@code key} parsed by {@code parse} (which throws {@link IllegalArgumentException} on
   * text it rejects), or {@code defaultValue} if the key is absent.
   */
  private <T> T typed(String key, T defaultValue, String expected, Function<String, T> parse) {
    String value = entries.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Configuration key '" + key + "' has value '" + value + "', expected " + expected, e);
    }
  }

  public Map<String, String> asMap() {
    return entries;
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
