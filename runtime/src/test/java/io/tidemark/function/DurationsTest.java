package io.tidemark.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesEveryUnit() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("5min")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse(" 2d ")).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void rejectsBadInputWithTheFormat() {
    for (String bad : new String[] {"", "10", "s", "1.5s", "-1s", "10 seconds", "10S"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Invalid duration '" + bad
              + "': expected a whole number followed by a unit ms, s, m, h or d (e.g. 500ms, 10s, 1h)");
    }
    assertThatThrownBy(() -> Durations.parse(null)).hasMessageContaining("Invalid duration 'null'");
    assertThatThrownBy(() -> Durations.parse("99999999999999999999s")).hasMessageContaining("too large");
  }
}
