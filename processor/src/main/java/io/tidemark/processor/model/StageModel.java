package io.tidemark.processor.model;

import io.tidemark.processor.validation.Diagnostics.Location;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One annotated stage method, as read ({@code annotation}: the simple name of its stage annotation). {@code kind} is null when the method's shape was not
 * recognised (already reported); such a stage still takes part in the id and graph checks.
 *
 * @param output what the stage produces when its method says so; null for sinks and for stages whose
 *     output follows from their input (filter, windows, updateStateByKey)
 * @param stateType the state {@code S} of a {@code @State} stage
 * @param timeout the idle timeout of a mapWithState stage, or null
 */
public record StageModel(String annotation, String id, Location idAt, StageKind kind, ExecutableElement method,
    List<String> from, List<Location> fromAt, List<String> formerly, List<Location> formerlyAt,
    List<Input> inputs, StreamType output, WindowSpec window, TypeMirror stateType, Duration timeout) {

  public String methodName() {
    return method.getSimpleName().toString();
  }

  /** Whether the method takes the key (an update state's optional first parameter). */
  public boolean takesKey() {
    return inputs.stream().anyMatch(input -> input.form() == Input.Form.KEY);
  }

  public boolean isStatic() {
    return method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
  }
}
