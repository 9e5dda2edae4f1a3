package io.tidemark.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.StageDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DescriptorDerivationTest {

  @Test
  void describesEveryStageAndOutputInRegistrationOrder() {
    StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).name("words").parallelism(1).build();
    context.queueStream(new ArrayDeque<List<String>>(), true)
        .mapToPair(w -> KV.of(w, 1L))
        .window(Duration.ofSeconds(3), Duration.ofSeconds(1))
        .print();

    PipelineDescriptor descriptor = context.descriptor();

    assertThat(descriptor.name()).isEqualTo("words");
    assertThat(descriptor.batchIntervalMillis()).isEqualTo(1000);
    assertThat(descriptor.stages()).containsExactly(
        StageDescriptor.stateless("queue-0", "queue", List.of()),
        StageDescriptor.stateless("mapToPair-1", "mapToPair", List.of("queue-0")),
        new StageDescriptor("window-2", "window", List.of("mapToPair-1"),
            Optional.of(new WindowDescriptor(3000, 1000)), Optional.empty(), List.of()),
        StageDescriptor.stateless("print-3", "print", List.of("window-2")));
    assertThat(descriptor.statefulStages()).isEmpty();
  }
}
