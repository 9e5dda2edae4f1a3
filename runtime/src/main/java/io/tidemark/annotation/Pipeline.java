package io.tidemark.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A pipeline class: its annotated methods are the stages. The class needs an accessible no-arg
 * constructor; the generated {@code <Class>Context} creates one instance per context and calls the
 * stage methods on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Pipeline {

  /** The pipeline's name: how the launcher finds it, and the name of its descriptor. */
  String name();

  /** The batch interval, e.g. {@code "1s"}; windows and the checkpoint interval are multiples of it. */
  String batchInterval();

  /** How often state and metadata are checkpointed, a multiple of the batch interval, e.g. {@code "10s"}. */
  String checkpointInterval();

  /**
   * Ids of stateful stages removed since an earlier version: their checkpointed state is discarded on
   * purpose instead of making the checkpoint incompatible.
   */
  String[] droppedStages() default {};
}
