package io.tidemark.processor.model;

import io.tidemark.processor.model.CheckpointType.DefaultValue;
import io.tidemark.processor.model.CheckpointType.EnumSymbol;
import io.tidemark.processor.model.CheckpointType.RecordField;
import io.tidemark.processor.validation.Diagnostics;
import io.tidemark.processor.validation.Message;
import io.tidemark.schema.PrimitiveSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Decides whether a type can land in a checkpoint and analyses it into a {@link CheckpointType}; if it
 * cannot, reports which type and why on the stage that checkpoints it.
 */
public final class CheckpointTypeReader {

  private static final Map<String, PrimitiveSchema> BOXES = Map.of(
      "java.lang.Boolean", PrimitiveSchema.BOOLEAN, "java.lang.Integer", PrimitiveSchema.INT,
      "java.lang.Long", PrimitiveSchema.LONG, "java.lang.Float", PrimitiveSchema.FLOAT,
      "java.lang.Double", PrimitiveSchema.DOUBLE, "java.lang.String", PrimitiveSchema.STRING);

  private static final String DEFAULT_SYMBOL = "io.tidemark.annotation.DefaultSymbol";

  private final JavaTypes types;
  private final Diagnostics diagnostics;
  private final DefaultParser defaults;
  private final Map<String, CheckpointType> analysed = new HashMap<>();

  public CheckpointTypeReader(JavaTypes types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
    this.defaults = new DefaultParser(types, diagnostics);
  }

  /**
   * {@code type} as a checkpoint type, or empty if it cannot be one (reported on {@code stage}'s
   * method, naming the stage and the {@code role} of the type in it: key, value or state).
   */
  public Optional<CheckpointType> read(TypeMirror type, StageModel stage, String role) {
    return Optional.ofNullable(new Analysis(stage, role).read(type, null));
  }

  /** One analysis from a stage's key, value or state type down: knows what it is inside of, for cycles. */
  private final class Analysis {
    private final StageModel stage;
    private final String role;
    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<TypeElement> enclosing = new ArrayDeque<>();

    Analysis(StageModel stage, String role) {
      this.stage = stage;
      this.role = role;
    }

    /** Null if reported. {@code field}: the field this type is declared by, if any. */
    CheckpointType read(TypeMirror type, String field) {
      switch (type.getKind()) {
        case BOOLEAN: return new CheckpointType.Scalar(PrimitiveSchema.BOOLEAN, type);
        case INT: return new CheckpointType.Scalar(PrimitiveSchema.INT, type);
        case LONG: return new CheckpointType.Scalar(PrimitiveSchema.LONG, type);
        case FLOAT: return new CheckpointType.Scalar(PrimitiveSchema.FLOAT, type);
        case DOUBLE: return new CheckpointType.Scalar(PrimitiveSchema.DOUBLE, type);
        case ARRAY:
          if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
            return new CheckpointType.Scalar(PrimitiveSchema.BYTES, type);
          }
          return unsupported(type);
        case DECLARED: return readDeclared((DeclaredType) type, field);
        default: return unsupported(type);
      }
    }

    private CheckpointType readDeclared(DeclaredType type, String field) {
      TypeElement element = (TypeElement) type.asElement();
      String name = element.getQualifiedName().toString();
      if (BOXES.containsKey(name)) {
        return new CheckpointType.Scalar(BOXES.get(name), type);
      }
      if (name.equals("java.lang.Object") && field != null) {
        return report(Message.TYPE_OBJECT_FIELD, enclosing.peek(), field);
      }
      List<? extends TypeMirror> arguments = type.getTypeArguments();
      switch (name) {
        case "java.util.List": return arguments.size() == 1 ? list(arguments, false) : unsupported(type);
        case "java.util.Set": return arguments.size() == 1 ? list(arguments, true) : unsupported(type);
        case "java.util.Optional":
          return arguments.size() == 1 ? optional(read(arguments.get(0), null)) : unsupported(type);
        case "java.util.Map":
          return arguments.size() == 2 ? pair(arguments, false) : unsupported(type);
        case JavaTypes.KV: return arguments.size() == 2 ? pair(arguments, true) : unsupported(type);
        default: break;
      }
      if (element.getKind() == ElementKind.ENUM) {
        return enumType(element);
      }
      boolean composite = element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.CLASS;
      if (!composite || name.startsWith("java.") || !element.getTypeParameters().isEmpty()
          || element.getModifiers().contains(Modifier.ABSTRACT)) {
        return unsupported(type);
      }
      if (isPrivate(element)) {
        return report(Message.TYPE_PRIVATE, element);
      }
      if (enclosing.contains(element)) {
        return report(Message.TYPE_CYCLE, element, String.join(" -> ", path));
      }
      CheckpointType known = analysed.get(name);
      if (known != null) {
        return known;
      }
      enclosing.push(element);
      try {
        CheckpointType record = element.getKind() == ElementKind.RECORD ? record(element) : pojo(element);
        if (record != null) {
          analysed.put(name, record);
        }
        return record;
      } finally {
        enclosing.pop();
      }
    }

    /** Null if more than one constant claims to be the default symbol (reported on the second). */
    private CheckpointType enumType(TypeElement element) {
      List<String> symbols = new ArrayList<>();
      String defaultSymbol = null;
      boolean complete = true;
      for (Element constant : element.getEnclosedElements()) {
        if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
          continue;
        }
        String symbol = constant.getSimpleName().toString();
        symbols.add(symbol);
        if (AnnotationReader.of(constant, DEFAULT_SYMBOL) == null) {
          continue;
        }
        if (defaultSymbol == null) {
          defaultSymbol = symbol;
        } else {
          diagnostics.report(Message.DEFAULT_SYMBOL_DUPLICATE, constant, element.getSimpleName(), defaultSymbol, symbol);
          complete = false;
        }
      }
      return complete ? new CheckpointType.EnumType(element, symbols, defaultSymbol) : null;
    }

    private CheckpointType list(List<? extends TypeMirror> arguments, boolean set) {
      CheckpointType element = read(arguments.get(0), null);
      return element == null ? null : set ? new CheckpointType.SetType(element) : new CheckpointType.ListType(element);
    }

    private CheckpointType optional(CheckpointType value) {
      return value == null ? null : new CheckpointType.OptionalType(value);
    }

    private CheckpointType pair(List<? extends TypeMirror> arguments, boolean kv) {
      CheckpointType key = read(arguments.get(0), null);
      CheckpointType value = read(arguments.get(1), null);
      if (key == null || value == null) {
        return null;
      }
      return kv ? new CheckpointType.KVType(key, value) : new CheckpointType.MapType(key, value);
    }

    private CheckpointType record(TypeElement element) {
      List<RecordField> fields = new ArrayList<>();
      boolean complete = true;
      for (RecordComponentElement component : element.getRecordComponents()) {
        // @Default and @Alias are read from the component's field: javac locates diagnostics on fields,
        // not on record components, and both annotations propagate to it
        VariableElement declaration = ElementFilter.fieldsIn(element.getEnclosedElements()).stream()
            .filter(f -> f.getSimpleName().equals(component.getSimpleName())).findFirst().orElseThrow();
        RecordField field = field(element, declaration, component.asType(),
            component.getAccessor().getSimpleName().toString(), null);
        complete &= field != null;
        fields.add(field);
      }
      return complete ? new CheckpointType.RecordType(element, true, fields) : null;
    }

    private CheckpointType pojo(TypeElement element) {
      boolean constructible = ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
          .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
      if (!constructible) {
        return report(Message.TYPE_NO_CONSTRUCTOR, element);
      }
      List<RecordField> fields = new ArrayList<>();
      boolean complete = true;
      for (VariableElement variable : ElementFilter.fieldsIn(element.getEnclosedElements())) {
        if (variable.getModifiers().contains(Modifier.STATIC) || variable.getModifiers().contains(Modifier.TRANSIENT)) {
          continue;
        }
        String getter = accessor(element, variable, true);
        String setter = accessor(element, variable, false);
        boolean open = !variable.getModifiers().contains(Modifier.PRIVATE);
        boolean readable = open || getter != null;
        boolean writable = open && !variable.getModifiers().contains(Modifier.FINAL) || setter != null;
        if (!readable || !writable) {
          report(Message.TYPE_FIELD_INACCESSIBLE, element, variable.getSimpleName());
          complete = false;
          continue;
        }
        RecordField field = field(element, variable, variable.asType(), open ? null : getter, open ? null : setter);
        complete &= field != null;
        fields.add(field);
      }
      return complete ? new CheckpointType.RecordType(element, false, fields) : null;
    }

    /** The non-private {@code getX()}/{@code isX()} (or {@code setX(x)}) of a class's field, or null. */
    private String accessor(TypeElement owner, VariableElement field, boolean getter) {
      String name = field.getSimpleName().toString();
      String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
        String methodName = method.getSimpleName().toString();
        boolean matches = getter
            ? (methodName.equals("get" + capitalized) || methodName.equals("is" + capitalized))
                && method.getParameters().isEmpty() && types.types().isSameType(method.getReturnType(), field.asType())
            : methodName.equals("set" + capitalized) && method.getParameters().size() == 1
                && types.types().isSameType(method.getParameters().get(0).asType(), field.asType());
        if (matches && !method.getModifiers().contains(Modifier.PRIVATE)) {
          return methodName;
        }
      }
      return null;
    }

    private RecordField field(TypeElement owner, Element declaration, TypeMirror javaType, String getter,
        String setter) {
      String name = declaration.getSimpleName().toString();
      path.addLast(owner.getSimpleName() + "." + name);
      try {
        CheckpointType type = read(javaType, name);
        if (type == null) {
          return null;
        }
        Optional<DefaultValue> defaultValue = defaults.parse(declaration, javaType);
        if (defaultValue == null) {
          return null;
        }
        return new RecordField(name, javaType, type, getter, setter, defaultValue, aliases(declaration));
      } finally {
        path.removeLast();
      }
    }

    private List<String> aliases(Element declaration) {
      AnnotationReader alias = AnnotationReader.of(declaration, "io.tidemark.annotation.Alias");
      return alias == null ? List.of() : alias.strings("value");
    }

    private boolean isPrivate(TypeElement element) {
      for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
        if (e.getModifiers().contains(Modifier.PRIVATE)) {
          return true;
        }
      }
      return false;
    }

    private CheckpointType unsupported(TypeMirror type) {
      diagnostics.report(Message.TYPE_UNSUPPORTED, stage.method(), JavaTypes.describe(type), stage.id(), role);
      return null;
    }

    private CheckpointType report(Message message, TypeElement type, Object... details) {
      Object[] arguments = new Object[3 + details.length];
      arguments[0] = type.getSimpleName();
      arguments[1] = stage.id();
      arguments[2] = role;
      System.arraycopy(details, 0, arguments, 3, details.length);
      diagnostics.report(message, stage.method(), arguments);
      return null;
    }
  }

  /** Parses {@code @Default} texts as their field's type. */
  private static final class DefaultParser {
    private final JavaTypes types;
    private final Diagnostics diagnostics;

    DefaultParser(JavaTypes types, Diagnostics diagnostics) {
      this.types = types;
      this.diagnostics = diagnostics;
    }

    /** Empty without {@code @Default}; null if it is wrong (reported on the field). */
    Optional<DefaultValue> parse(Element declaration, TypeMirror type) {
      AnnotationReader annotation = AnnotationReader.of(declaration, "io.tidemark.annotation.Default");
      if (annotation == null) {
        return Optional.empty();
      }
      String text = annotation.string("value");
      boolean optional = types.is(type, "java.util.Optional");
      TypeMirror valueType = optional ? types.typeArgument(type, "java.util.Optional", 0) : type;
      TypeMirror boxed = types.boxed(valueType);
      String name = boxed.getKind() == TypeKind.DECLARED
          ? ((TypeElement) ((DeclaredType) boxed).asElement()).getQualifiedName().toString() : "";
      try {
        Object value = switch (name) {
          case "java.lang.Boolean" -> parseBoolean(text);
          case "java.lang.Integer" -> Integer.valueOf(text.trim());
          case "java.lang.Long" -> Long.valueOf(text.trim());
          case "java.lang.Float" -> Float.valueOf(text.trim());
          case "java.lang.Double" -> Double.valueOf(text.trim());
          case "java.lang.String" -> text;
          default -> enumSymbol(boxed, text, annotation);
        };
        return value == null ? null : Optional.of(new DefaultValue(value, optional));
      } catch (NumberFormatException e) {
        diagnostics.report(Message.DEFAULT_UNPARSABLE, annotation.at("value"), text, JavaTypes.describe(valueType),
            "not a number of that type");
        return null;
      } catch (IllegalArgumentException e) {
        diagnostics.report(Message.DEFAULT_UNPARSABLE, annotation.at("value"), text, JavaTypes.describe(valueType),
            e.getMessage());
        return null;
      }
    }

    private static Boolean parseBoolean(String text) {
      return switch (text.trim()) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException("expected true or false");
      };
    }

    private Object enumSymbol(TypeMirror type, String text, AnnotationReader annotation) {
      Element element = type.getKind() == TypeKind.DECLARED ? ((DeclaredType) type).asElement() : null;
      if (element == null || element.getKind() != ElementKind.ENUM) {
        diagnostics.report(Message.DEFAULT_UNSUPPORTED_TYPE, annotation.at("value"), JavaTypes.describe(type));
        return null;
      }
      List<String> symbols = element.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).map(e -> e.getSimpleName().toString()).toList();
      if (!symbols.contains(text.trim())) {
        throw new IllegalArgumentException("not a constant of " + element.getSimpleName() + " " + symbols);
      }
      return new EnumSymbol((TypeElement) element, text.trim());
    }
  }
}
