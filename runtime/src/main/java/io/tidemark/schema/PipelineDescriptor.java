package io.tidemark.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pipeline is, as data: its name, batch interval and stages, each with a stable id, a kind, its
 * inputs and, for stateful stages, the schemas of its state. The annotation processor writes it to
 * {@code META-INF/tidemark/<pipeline>.json}, a running context derives it from its graph, and every
 * checkpoint records the one it was written with, so {@link PipelineCompatibility} can tell whether
 * new code reads an old checkpoint. Its JSON form is {@link PipelineDescriptorJson}.
 *
 * @param droppedStages ids of stateful stages an earlier version had and this one removed on purpose:
 *     their checkpointed state is discarded instead of refusing the upgrade
 */
public record PipelineDescriptor(String name, long batchIntervalMillis, List<StageDescriptor> stages,
    List<String> droppedStages) {

  /** The version of the descriptor's JSON form; readers refuse newer versions. */
  public static final int FORMAT_VERSION = 1;

  public PipelineDescriptor {
    Objects.requireNonNull(name, "name");
    stages = List.copyOf(stages);
    droppedStages = List.copyOf(droppedStages);
  }

  public Optional<StageDescriptor> stage(String id) {
    return stages.stream().filter(stage -> stage.id().equals(id)).findFirst();
  }

  /** The stateful stages: the ones a checkpoint holds state for. */
  public List<StageDescriptor> statefulStages() {
    return stages.stream().filter(stage -> stage.state().isPresent()).toList();
  }
}
