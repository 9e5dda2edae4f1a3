package io.tidemark.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The constant of a checkpointed enum that symbols removed since old data was written read as, e.g.
 * {@code enum Level { @DefaultSymbol UNKNOWN, LOW, HIGH }}. Without one, removing a symbol makes the
 * checkpoint incompatible; at most one constant of an enum may carry it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface DefaultSymbol {}
