package io.tidemark.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

  private final PipelineConfig config = PipelineConfig.of(Map.of(
      "host", "example.org", "port", "9999", "big", "12345678901", "on", "TRUE", "every", "10s", "bad", "x1"));

  @Test
  void typedValues() {
    assertThat(config.get("host", "localhost")).isEqualTo("example.org");
    assertThat(config.getInt("port", 1)).isEqualTo(9999);
    assertThat(config.getLong("big", 1)).isEqualTo(12345678901L);
    assertThat(config.getBoolean("on", false)).isTrue();
    assertThat(config.getDuration("every", Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void defaultsForMissingKeys() {
    assertThat(config.get("missing", "d")).isEqualTo("d");
    assertThat(config.getInt("missing", 7)).isEqualTo(7);
    assertThat(config.getLong("missing", 8L)).isEqualTo(8L);
    assertThat(config.getBoolean("missing", true)).isTrue();
    assertThat(config.getDuration("missing", Duration.ofMillis(5))).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void unparsableValuesNameKeyValueAndExpectation() {
    assertThatThrownBy(() -> config.getInt("bad", 0))
        .hasMessage("Configuration key 'bad' has value 'x1', expected an int");
    assertThatThrownBy(() -> config.getLong("bad", 0))
        .hasMessage("Configuration key 'bad' has value 'x1', expected a long");
    assertThatThrownBy(() -> config.getBoolean("bad", false))
        .hasMessage("Configuration key 'bad' has value 'x1', expected true or false");
    assertThatThrownBy(() -> config.getDuration("bad", Duration.ZERO))
        .hasMessage("Configuration key 'bad' has value 'x1', expected a duration such as 500ms, 10s or 1h");
    assertThatThrownBy(() -> config.getInt("big", 0))
        .hasMessage("Configuration key 'big' has value '12345678901', expected an int");
  }

  @Test
  void isImmutable() {
    PipelineConfig changed = config.with("port", "1");
    assertThat(config.getInt("port", 0)).isEqualTo(9999);
    assertThat(changed.getInt("port", 0)).isEqualTo(1);
    assertThatThrownBy(() -> config.asMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }
}
