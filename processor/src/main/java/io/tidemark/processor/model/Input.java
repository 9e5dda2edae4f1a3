package io.tidemark.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * What a stage method takes from one of its inputs, and in what form: the validator checks that the
 * input stage's output, in that form, is assignable to {@code type}.
 *
 * @param from the position of the input in the stage's {@code from}
 * @param where the parameter, where a mismatch is reported (a sink spec's method, which has none)
 */
public record Input(int from, Form form, TypeMirror type, Element where) {

  /** The method taking the input: the stage's own, or one it names (a window's keep). */
  public ExecutableElement method() {
    return where instanceof ExecutableElement method ? method : (ExecutableElement) where.getEnclosingElement();
  }

  /** How an input's elements reach the method. */
  public enum Form {
    /** One element at a time. */
    ELEMENT,
    /** The whole stream, as {@code DStream<T>} or {@code PairDStream<K, V>}. */
    STREAM,
    /** Each batch as a {@code List<T>}. */
    BATCH,
    /** Two values of a keyed input at a time (a window's reduce). */
    VALUE,
    /** A key's new values of a batch, as {@code List<V>}. */
    VALUES,
    /** The key of a keyed input. */
    KEY,
    /** One value of a keyed input, as {@code Optional<V>}. */
    OPTIONAL_VALUE
  }
}
