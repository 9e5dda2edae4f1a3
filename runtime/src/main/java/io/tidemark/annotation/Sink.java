package io.tidemark.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An output of the stream {@link #from}: a method {@code void f(BatchTime, List<T>)} called with every
 * batch, or a method {@code SinkSpec<T> f(PipelineConfig)} returning a built-in sink.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Sink {

  String id();

  String from();

  /** Former ids of this stage. */
  String[] formerly() default {};
}
