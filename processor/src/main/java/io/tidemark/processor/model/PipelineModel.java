package io.tidemark.processor.model;

import io.tidemark.processor.validation.Diagnostics.Location;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Pipeline} class as read, before validation. Durations that did not parse are null (already
 * reported).
 */
public record PipelineModel(TypeElement type, String name, Location nameAt, Duration batchInterval,
    Duration checkpointInterval, Location checkpointIntervalAt, List<String> droppedStages,
    List<Location> droppedStagesAt, List<StageModel> stages) {}
