package io.tidemark.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stateless stage; what it does follows from the method's shape:
 *
 * <ul>
 *   <li>{@code boolean f(T)}: filter;
 *   <li>{@code KV<K, V> f(T)}: keyed stream (mapToPair);
 *   <li>{@code Iterable<R> f(T)} (or any subtype): flatMap;
 *   <li>{@code Optional<R> f(T)}: flatMap of zero or one element;
 *   <li>{@code R f(T)}: map;
 *   <li>{@code DStream<R> f(DStream<A>, DStream<B>, ...)} (or {@code PairDStream}s): a stream-level
 *       transform, for joins, unions and {@code transform}; the parameters are the {@link #from}
 *       streams in order. It must not keep state: state is declared with {@link Window} or {@link State}.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transform {

  String id();

  /** The ids of the input stages: one for an element-level transform, one per parameter otherwise. */
  String[] from();

  /** Former ids of this stage. */
  String[] formerly() default {};
}
