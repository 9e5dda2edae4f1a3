package io.tidemark.processor.model;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Type questions the reader and the validator ask, over javac's {@link Types} and {@link Elements}. */
public final class JavaTypes {

  public static final String DSTREAM = "io.tidemark.stream.DStream";
  public static final String PAIR_DSTREAM = "io.tidemark.stream.PairDStream";
  public static final String KV = "io.tidemark.function.KV";
  public static final String SOURCE_SPEC = "io.tidemark.stream.SourceSpec";
  public static final String SINK_SPEC = "io.tidemark.stream.SinkSpec";
  public static final String PIPELINE_CONFIG = "io.tidemark.stream.PipelineConfig";
  public static final String BATCH_TIME = "io.tidemark.function.BatchTime";
  public static final String STATE = "io.tidemark.function.State";

  private final Types types;
  private final Elements elements;
  /**
   * The type elements looked up this round: {@link Elements#getTypeElement} searches every module each
   * time, and the reader asks for the same few types for every stage.
   */
  private final Map<String, TypeElement> elementsByName = new HashMap<>();

  public JavaTypes(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
  }

  public Types types() {
    return types;
  }

  public Elements elements() {
    return elements;
  }

  public TypeElement element(String qualifiedName) {
    return elementsByName.computeIfAbsent(qualifiedName, elements::getTypeElement);
  }

  /** Forgets the elements of the previous round: javac may complete them anew in the next. */
  public void newRound() {
    elementsByName.clear();
  }

  /** The boxed type of a primitive, else the type itself: stream elements are always references. */
  public TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType() : type;
  }

  /** Whether the erasure of {@code type} is the class or interface {@code qualifiedName}. */
  public boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  /** Whether {@code type} is a subtype of the erasure of {@code qualifiedName}. */
  public boolean isSubtypeOf(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && types.isSubtype(types.erasure(type), types.erasure(element(qualifiedName).asType()));
  }

  /**
   * The {@code index}th type argument {@code type} gives its supertype {@code qualifiedName} (e.g. the
   * element type of a {@code List<String>} as an {@code Iterable}); a wildcard's bound stands for it.
   * Null for a raw type.
   */
  public TypeMirror typeArgument(TypeMirror type, String qualifiedName, int index) {
    DeclaredType supertype = supertype(type, qualifiedName);
    if (supertype == null || supertype.getTypeArguments().size() <= index) {
      return null;
    }
    TypeMirror argument = supertype.getTypeArguments().get(index);
    if (argument instanceof WildcardType wildcard) {
      TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
      return bound != null ? bound : element("java.lang.Object").asType();
    }
    return argument;
  }

  private DeclaredType supertype(TypeMirror type, String qualifiedName) {
    if (is(type, qualifiedName)) {
      return (DeclaredType) type;
    }
    for (TypeMirror direct : types.directSupertypes(type)) {
      DeclaredType found = supertype(direct, qualifiedName);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** {@code qualifiedName<arguments>}. */
  public DeclaredType declared(String qualifiedName, TypeMirror... arguments) {
    return types.getDeclaredType(element(qualifiedName), arguments);
  }

  public boolean isAssignable(TypeMirror from, TypeMirror to) {
    return types.isAssignable(from, to);
  }

  public boolean isSameType(TypeMirror a, TypeMirror b) {
    return types.isSameType(boxed(a), boxed(b));
  }

  /** A type as a reader would write it in source: simple names, e.g. {@code KV<String, Long>}. */
  public static String describe(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      String name = declared.asElement().getSimpleName().toString();
      if (declared.getTypeArguments().isEmpty()) {
        return name;
      }
      return name + declared.getTypeArguments().stream().map(JavaTypes::describe)
          .collect(Collectors.joining(", ", "<", ">"));
    }
    return type.toString();
  }
}
