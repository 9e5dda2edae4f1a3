package io.tidemark.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An input stream: a method {@code SourceSpec<T> f(PipelineConfig)}. The id keys the source's positions
 * in the checkpoint, so it must not change between versions.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Source {

  String id();

  /** Former ids of this stage, so that a renamed stage keeps its checkpointed data. */
  String[] formerly() default {};
}
