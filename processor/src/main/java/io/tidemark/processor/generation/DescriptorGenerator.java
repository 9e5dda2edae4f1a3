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
 * context builds: the same stages in the same order (stages, then outputs), kinds, windows and state
 * schemas. The descriptor test compares the two.
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
          String window = stage.id() + ".window";
          stages.add(new StageDescriptor(window, "window", stage.from(), Optional.of(window(stage)), Optional.empty(),
              List.of()));
          stages.add(new StageDescriptor(stage.id(), "reduceByKey", List.of(window), Optional.empty(),
              Optional.empty(), stage.formerly()));
        }
        case BATCH_SINK, SPEC_SINK -> outputs.add(stage(stage, checked));
        default -> stages.add(stage(stage, checked));
      }
    }
    stages.addAll(outputs);
    return new PipelineDescriptor(pipeline.name(), pipeline.batchInterval().toMillis(), stages,
        pipeline.droppedStages());
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
      case SOURCE -> "source";
      case MAP -> "map";
      case FLAT_MAP, OPTIONAL_MAP -> "flatMap";
      case FILTER -> "filter";
      case MAP_TO_PAIR -> "mapToPair";
      case STREAM_TRANSFORM -> "transform";
      case INVERSE_WINDOW, RECOMPUTED_WINDOW -> "reduceByKeyAndWindow";
      case UPDATE_STATE -> "updateStateByKey";
      case MAP_WITH_STATE -> "mapWithState";
      case BATCH_SINK -> "foreachBatch";
      case SPEC_SINK -> "output";
    };
  }
}
