package io.tidemark.processor.model;

import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeMirror;

/**
 * A pipeline that passed validation, ready to generate: its stages in an order where every stage comes
 * after its inputs, what each stage produces, and the checkpointed types of the stateful ones.
 */
public record CheckedPipeline(PipelineModel model, List<StageModel> stages, Map<String, StreamType> outputs,
    Map<String, StateTypes> states) {

  /**
   * The two types of a stateful stage's entries: key and value (a window's reduced value, a state's
   * state), as Java types and as checkpoint types.
   */
  public record StateTypes(TypeMirror keyType, CheckpointType key, TypeMirror valueType, CheckpointType value) {}
}
