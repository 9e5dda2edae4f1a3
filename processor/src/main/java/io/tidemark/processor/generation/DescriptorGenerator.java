package io.tidemark.processor.generation;

import io.tidemark.processor.model.CheckedPipeline;
import io.tidemark.processor.model.CheckedPipeline.StateTypes;
import io.tidemark.processor.model.PipelineModel;
import io.tidemark.processor.model.StageModel;
import io.tidemark.schema.PipelineDescriptor;
import io.tidemark.schema.StageDescriptor;
import io.tidemark.schema.StageDescriptor.StateDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline descriptor of a checked pipeline, as the runtime derives it from the graph the generated
 * context builds (every stage under its annotation's id): the same stages in the same order (stages,
 * then outputs), kinds, windows and state schemas. The descriptor test compares the two. Two things only
 * the runtime knows: what a source reads (written as unknown, {@code sourceKind} null), and what a
 * stream-level {@code @Transform} builds inside its method (described as one {@code transform} stage);
 * neither matters to compatibility, which compares source kinds only when both sides know them and
 * kinds only of stateful stages.
 */
final class DescriptorGenerator {

  private DescriptorGenerator() {}

  static PipelineDescriptor describe(CheckedPipeline checked) {
    PipelineModel pipeline = checked.model();
    List<StageDescriptor> stages = new ArrayList<>();
    List<StageDescriptor> outputs = new ArrayList<>();
    for (StageModel stage : checked.stages()) {
      switch (stage.kind()) {
        case RECOMPUTED_WINDOW -> {
          String window = windowOf(stage.id());
          stages.add(new StageDescriptor(window, "window", stage.from(), Optional.of(window(stage)), Optional.empty(),
              List.of()));
          stages.add(new StageDescriptor(stage.id(), "reduceByKey", List.of(window), Optional.empty(),
              Optional.empty(), stage.formerly()));
        }
        case SOURCE -> stages.add(StageDescriptor.source(stage.id(), null, stage.formerly()));
        case BATCH_SINK, SPEC_SINK -> outputs.add(new StageDescriptor(stage.id(), StageDescriptor.OUTPUT, stage.from(),
            Optional.empty(), Optional.empty(), stage.formerly()));
        default -> stages.add(stage(stage, checked));
      }
    }
    stages.addAll(outputs);
    return new PipelineDescriptor(pipeline.name(), pipeline.batchInterval().toMillis(), stages,
        pipeline.droppedStages());
  }

  /** The id of the window stage of a recomputed window: {@code reduceByKeyAndWindow} is two stages. */
  static String windowOf(String stageId) {
    return stageId + ".window";
  }

  private static StageDescriptor stage(StageModel stage, CheckedPipeline checked) {
    StateTypes state = checked.states().get(stage.id());
    return new StageDescriptor(stage.id(), kind(stage), stage.from(),
        stage.window() == null ? Optional.empty() : Optional.of(window(stage)),
        state == null ? Optional.empty() : Optional.of(new StateDescriptor(state.key().schema(), state.value().schema())),
        stage.formerly());
  }

  private static WindowDescriptor window(StageModel stage) {
    return new WindowDescriptor(stage.window().length().toMillis(), stage.window().slide().toMillis());
  }

  private static String kind(StageModel stage) {
    return switch (stage.kind()) {
      case MAP -> "map";
      case FLAT_MAP, OPTIONAL_MAP -> "flatMap";
      case FILTER -> "filter";
      case MAP_TO_PAIR -> "mapToPair";
      case STREAM_TRANSFORM -> "transform";
      case INVERSE_WINDOW -> "reduceByKeyAndWindow";
      case UPDATE_STATE -> "updateStateByKey";
      case MAP_WITH_STATE -> "mapWithState";
      case SOURCE, RECOMPUTED_WINDOW, BATCH_SINK, SPEC_SINK ->
          throw new IllegalArgumentException(stage.kind() + " is described apart");
    };
  }
}
