package io.tidemark.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * State per key of the keyed stream {@link #from}, checkpointed under {@link #id}. Three shapes:
 *
 * <ul>
 *   <li>{@code S update(List<V> values, S previous)}: once per batch for each key with new values or a
 *       state ({@code previous} is null for a new key, {@code values} empty if none arrived); returning
 *       null removes the key. The stage emits every key with its state every batch (updateStateByKey).
 *   <li>{@code S update(K key, List<V> values, S previous)}: the same, told the key.
 *   <li>{@code R map(K key, Optional<V> value, io.tidemark.function.State<S> state)}: once per record, and
 *       once more (value empty) when a key has been idle for {@link #timeout}; emits what it returns
 *       unless null (mapWithState).
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface State {

  String id();

  String from();

  /** How long a key may stay idle before it times out, e.g. {@code "1h"}; only for the mapWithState shape. */
  String timeout() default "";

  /** Former ids of this stage. */
  String[] formerly() default {};
}
