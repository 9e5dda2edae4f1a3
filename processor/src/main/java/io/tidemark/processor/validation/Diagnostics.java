package io.tidemark.processor.validation;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reports {@link Message}s on the offending element, as precisely as known: the annotation value, else
 * the annotation, else the element. Counts errors so the processor generates nothing for a pipeline
 * that has any.
 */
public final class Diagnostics {

  private final Messager messager;
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  public void report(Message message, Element element, Object... arguments) {
    report(message, Location.of(element), arguments);
  }

  public void report(Message message, Location location, Object... arguments) {
    if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
      errors++;
    }
    messager.printMessage(message.kind(), message.format(arguments), location.element(), location.annotation(),
        location.value());
  }

  /** The number of errors reported so far; compare before and after a pipeline to know if it had any. */
  public int errorCount() {
    return errors;
  }

  /** Where a diagnostic points: an element, optionally one of its annotations and one value of it. */
  public record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {

    public static Location of(Element element) {
      return new Location(element, null, null);
    }
  }
}
