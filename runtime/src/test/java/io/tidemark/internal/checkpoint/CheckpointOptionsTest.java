package io.tidemark.internal.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckpointOptionsTest {

  private static CheckpointOptions options(Duration interval, Duration batch) {
    return CheckpointOptions.of(interval, 3, Duration.ofSeconds(30), batch);
  }

  @Test
  void theDefaultIntervalIsTheSmallestMultipleOfTheBatchIntervalOfAtLeastTenSeconds() {
    assertThat(options(null, Duration.ofSeconds(1)).interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options(null, Duration.ofSeconds(3)).interval()).isEqualTo(Duration.ofSeconds(12));
    assertThat(options(null, Duration.ofSeconds(30)).interval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anIntervalMustBeAMultipleOfTheBatchIntervalAndNoShorter() {
    assertThat(options(Duration.ofSeconds(4), Duration.ofSeconds(2)).interval()).isEqualTo(Duration.ofSeconds(4));
    assertThatThrownBy(() -> options(Duration.ofMillis(1500), Duration.ofSeconds(1)))
        .hasMessage("The checkpoint interval 1500 ms must be a multiple of the batch interval 1000 ms (and at least one"
            + " batch interval): use 1000 ms or 2000 ms");
    assertThatThrownBy(() -> options(Duration.ofMillis(500), Duration.ofSeconds(1)))
        .hasMessage("The checkpoint interval 500 ms must be a multiple of the batch interval 1000 ms (and at least one"
            + " batch interval): use 1000 ms or 2000 ms");
  }

  @Test
  void retentionAndLeaseAreChecked() {
    assertThatThrownBy(() -> CheckpointOptions.of(null, 1, Duration.ofSeconds(30), Duration.ofSeconds(1)))
        .hasMessage("At least 2 metadata checkpoints must be retained, got 1: a damaged newest one needs a predecessor"
            + " to fall back on");
    assertThatThrownBy(() -> CheckpointOptions.of(null, 3, Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessage("The checkpoint lock lease must be positive, got 0 ms");
  }
}
