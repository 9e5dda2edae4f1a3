package io.tidemark.processor.model;

import io.tidemark.processor.validation.Diagnostics.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The values of one annotation on one element, each with its {@link Location}, so a diagnostic points
 * at the value in the source ({@code from = "x"}) rather than at the method.
 */
final class AnnotationReader {

  private final Element element;
  private final AnnotationMirror mirror;

  private AnnotationReader(Element element, AnnotationMirror mirror) {
    this.element = element;
    this.mirror = mirror;
  }

  /** The annotation {@code qualifiedName} on {@code element}, or null if it has none. */
  static AnnotationReader of(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
        return new AnnotationReader(element, mirror);
      }
    }
    return null;
  }

  String simpleName() {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  Location location() {
    return new Location(element, mirror, null);
  }

  /** A string value, defaults included. */
  String string(String attribute) {
    return (String) value(attribute).getValue();
  }

  Location at(String attribute) {
    AnnotationValue explicit = explicitValue(attribute);
    return new Location(element, mirror, explicit);
  }

  /** A string or string-array value, one entry per string. */
  List<String> strings(String attribute) {
    List<String> strings = new ArrayList<>();
    for (AnnotationValue item : items(attribute)) {
      strings.add((String) item.getValue());
    }
    return strings;
  }

  /** The location of each entry of {@link #strings}. */
  List<Location> stringsAt(String attribute) {
    List<Location> locations = new ArrayList<>();
    for (AnnotationValue item : items(attribute)) {
      locations.add(new Location(element, mirror, item));
    }
    return locations;
  }

  @SuppressWarnings("unchecked")
  private List<? extends AnnotationValue> items(String attribute) {
    AnnotationValue value = value(attribute);
    return value.getValue() instanceof List<?> list ? (List<? extends AnnotationValue>) list : List.of(value);
  }

  private AnnotationValue value(String attribute) {
    AnnotationValue explicit = explicitValue(attribute);
    if (explicit != null) {
      return explicit;
    }
    for (ExecutableElement method : javax.lang.model.util.ElementFilter.methodsIn(
        mirror.getAnnotationType().asElement().getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(attribute)) {
        return method.getDefaultValue();
      }
    }
    throw new IllegalArgumentException("@" + simpleName() + " has no attribute " + attribute);
  }

  private AnnotationValue explicitValue(String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
