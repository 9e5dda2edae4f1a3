package io.tidemark.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a field of a checkpointed type reads as from data written before the field existed, written as
 * the field's value in source form: {@code "0"}, {@code "1.5"}, {@code "true"}, {@code "text"}, or an
 * enum constant's name. Checked against the field's type at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
public @interface Default {

  String value();
}
