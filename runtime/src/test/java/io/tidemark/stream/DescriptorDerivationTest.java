package io.tidemark.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.function.KV;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.PrimitiveSchema;
import io.tidemark.schema.Serializers;
import io.tidemark.schema.StageDescriptor.StateDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import io.tidemark.schema.StageDescriptor;
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
        StageDescriptor.source("queue-0", "queue", List.of()),
        StageDescriptor.stateless("mapToPair-1", "mapToPair", List.of("queue-0")),
        new StageDescriptor("window-2", "window", List.of("mapToPair-1"),
            Optional.of(new WindowDescriptor(3000, 1000)), Optional.empty(), List.of()),
        StageDescriptor.stateless("print-3", StageDescriptor.OUTPUT, List.of("window-2")));
    assertThat(descriptor.statefulStages()).isEmpty();
  }

  @Test
  void describesStateSchemasWindowsAndDeclaredRenamesAndDrops() {
    StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).parallelism(1)
        .renamedStage("windowed", "counts").droppedStage("sessions").build();
    PairDStream<String, Long> pairs = context.queueStream(new ArrayDeque<List<String>>(), true)
        .mapToPair(w -> KV.of(w, 1L));
    pairs.reduceByKeyAndWindow("counts", Serializers.strings(), Serializers.longs(), Long::sum, (a, b) -> a - b,
        Duration.ofSeconds(4), Duration.ofSeconds(2)).print();
    pairs.updateStateByKey("totals", Serializers.strings(), Serializers.ints(),
        (List<Long> values, Optional<Integer> total) -> total.orElse(0) + values.size()).print();

    PipelineDescriptor descriptor = context.descriptor();

    assertThat(descriptor.statefulStages()).containsExactly(
        new StageDescriptor("counts", "reduceByKeyAndWindow", List.of("mapToPair-1"),
            Optional.of(new WindowDescriptor(4000, 2000)),
            Optional.of(new StateDescriptor(PrimitiveSchema.STRING, PrimitiveSchema.LONG)), List.of("windowed")),
        new StageDescriptor("totals", "updateStateByKey", List.of("mapToPair-1"), Optional.empty(),
            Optional.of(new StateDescriptor(PrimitiveSchema.STRING, PrimitiveSchema.INT)), List.of()));
    assertThat(descriptor.droppedStages()).containsExactly("sessions");
  }

  @Test
  void describesStagesAndOutputsUnderTheIdsUidGaveThem() {
    StreamingContext context = StreamingContext.builder(Duration.ofSeconds(1)).parallelism(1).build();
    DStream<String> lines = context.queueStream(new ArrayDeque<List<String>>(), true).uid("lines");
    PairDStream<String, Long> pairs = lines.mapToPair(w -> KV.of(w, 1L)).uid("pairs");
    Output out = pairs.print().uid("out");

    assertThat(lines.id()).isEqualTo("lines");
    assertThat(out.id()).isEqualTo("out");
    assertThat(context.descriptor().stages()).containsExactly(
        StageDescriptor.source("lines", "queue", List.of()),
        StageDescriptor.stateless("pairs", "mapToPair", List.of("lines")),
        StageDescriptor.stateless("out", StageDescriptor.OUTPUT, List.of("pairs")));
  }
}
