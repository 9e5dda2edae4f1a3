package io.tidemark.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A keyed window: on a method {@code V reduce(V, V)} over the values of the keyed stream {@link #from},
 * every {@link #slide} each key's values of the last {@link #length}. With {@link #inverse} (the name of
 * a method {@code V inverse(V, V)} of the same class that removes a value from a reduced one) the window
 * is maintained incrementally and its state is checkpointed; without it, it is recomputed from the
 * batches it covers. An incremental window keeps a key whose values all left it (its value is back to
 * the identity, e.g. a count of 0) unless {@link #keep} names a method that drops it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Window {

  String id();

  String from();

  /** A multiple of the batch interval, e.g. {@code "30s"}. */
  String length();

  /** A multiple of the batch interval, e.g. {@code "10s"}. */
  String slide();

  /** The name of the inverse method, or empty for a recomputed window. */
  String inverse() default "";

  /**
   * The name of a method {@code boolean keep(KV<K, V>)} or {@code boolean keep(V)} of the same class
   * deciding which keys an incremental window keeps after each slide (e.g. those with a non-zero
   * count); empty keeps every key. Needs {@link #inverse}.
   */
  String keep() default "";

  /** Former ids of this stage. */
  String[] formerly() default {};
}
