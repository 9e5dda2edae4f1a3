package io.tidemark.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tidemark.processor.model.CheckpointType;
import io.tidemark.processor.model.CheckpointType.DefaultValue;
import io.tidemark.processor.model.CheckpointType.EnumSymbol;
import io.tidemark.processor.model.CheckpointType.RecordField;
import io.tidemark.processor.model.CheckpointType.RecordType;
import io.tidemark.schema.Decoder;
import io.tidemark.schema.Encoder;
import io.tidemark.schema.FieldValues;
import io.tidemark.schema.GeneratedRecordSerializer;
import io.tidemark.schema.RecordFields;
import io.tidemark.schema.Serializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Generates the serializers of records and classes, each a {@link GeneratedRecordSerializer} nested in
 * the class {@link SerializerClasses} places it in: its {@link RecordFields} (the schema, with the
 * {@code @Default}s and {@code @Alias}es), straight-line {@code write} and {@code read} for data of its
 * own schema (the fast path), and {@code construct}, which builds the record from the field values of
 * data written with an older schema. Only the field table and the straight-line code are generated; the
 * resolving lives in the runtime.
 */
final class RecordSerializerGenerator {

  private static final String VALUE = "value";

  private final AnnotationSpec generated;
  private final SerializerClasses classes;
  private final SerializerExpressions expressions;

  RecordSerializerGenerator(AnnotationSpec generated, SerializerClasses classes, SerializerExpressions expressions) {
    this.generated = generated;
    this.classes = classes;
    this.expressions = expressions;
  }

  /** {@code holder}, with the serializers of {@code records}: types of its package {@code pipeline} checkpoints. */
  JavaFile generate(ClassName holder, List<RecordType> records, TypeElement pipeline) {
    TypeSpec.Builder holderClass = TypeSpec.classBuilder(holder)
        .addJavadoc("Serializers of types of this package that {@link $T} checkpoints, schemas and resolvers included;"
            + " generated from their declarations.\n", ClassName.get(pipeline))
        .addAnnotation(generated)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(pipeline)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (RecordType record : records) {
      holderClass.addOriginatingElement(record.element()).addType(serializer(record));
    }
    return JavaFile.builder(holder.packageName(), holderClass.build()).skipJavaLangImports(true).build();
  }

  private TypeSpec serializer(RecordType type) {
    ClassName self = classes.of(type);
    TypeName target = ClassName.get(type.element());
    TypeSpec.Builder serializer = TypeSpec.classBuilder(self)
        .addJavadoc("Serializer of {@link $T}.\n", target)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ClassName.get(GeneratedRecordSerializer.class), target));
    for (RecordField field : type.fields()) {
      if (!(field.type() instanceof CheckpointType.Scalar)) {
        TypeName fieldSerializer = ParameterizedTypeName.get(ClassName.get(Serializer.class), boxed(field));
        serializer.addField(FieldSpec.builder(fieldSerializer, constant(field),
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(expressions.of(field.type())).build());
      }
    }
    serializer.addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T()", self).build());
    serializer.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addStatement("super($L)", fields(type)).build());
    serializer.addMethod(write(type, target));
    serializer.addMethod(read(type, target));
    serializer.addMethod(construct(type, target));
    if (!type.isRecord()) {
      serializer.addMethod(create(type, target));
    }
    return serializer.build();
  }

  /** The field table, in the order of the fast path. */
  private CodeBlock fields(RecordType type) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T.named($S)", RecordFields.class, type.element().getSimpleName().toString());
    for (RecordField field : type.fields()) {
      code.add("\n.field($S, $L)", field.name(), fieldSerializer(field));
      field.defaultValue().ifPresent(value -> code.add(".withDefault($L)", literal(value)));
      if (!field.aliases().isEmpty()) {
        code.add(".aliases($L)", field.aliases().stream().map(alias -> CodeBlock.of("$S", alias))
            .collect(CodeBlock.joining(", ")));
      }
    }
    return code.add("\n.build()").build();
  }

  private MethodSpec write(RecordType type, TypeName target) {
    MethodSpec.Builder write = MethodSpec.methodBuilder("write").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(Encoder.class, "out").addParameter(target, VALUE);
    for (RecordField field : type.fields()) {
      if (field.type() instanceof CheckpointType.Scalar scalar) {
        write.addStatement("out.write$L($L)", scalarMethod(scalar), get(field, VALUE));
      } else {
        write.addStatement("$L.write(out, $L)", constant(field), get(field, VALUE));
      }
    }
    return write.build();
  }

  private MethodSpec read(RecordType type, TypeName target) {
    List<CodeBlock> reads = new ArrayList<>();
    for (RecordField field : type.fields()) {
      reads.add(field.type() instanceof CheckpointType.Scalar scalar
          ? CodeBlock.of("in.read$L()", scalarMethod(scalar))
          : CodeBlock.of("$L.read(in)", constant(field)));
    }
    return MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(target).addParameter(Decoder.class, "in")
        .addComment("arguments are evaluated left to right: fields are read in declaration order")
        .addStatement("return $L", construct(type, target, reads)).build();
  }

  private MethodSpec construct(RecordType type, TypeName target) {
    List<CodeBlock> values = new ArrayList<>();
    for (int i = 0; i < type.fields().size(); i++) {
      values.add(CodeBlock.of("values.<$T>get($L)", boxed(type.fields().get(i)), i));
    }
    return MethodSpec.methodBuilder("construct").addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .returns(target).addParameter(FieldValues.class, "values")
        .addStatement("return $L", construct(type, target, values)).build();
  }

  /** A class is created empty, then filled through its fields or setters. */
  private MethodSpec create(RecordType type, TypeName target) {
    MethodSpec.Builder create = MethodSpec.methodBuilder("create").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(target).addStatement("$T created = new $T()", target, target);
    for (RecordField field : type.fields()) {
      create.addParameter(TypeName.get(field.javaType()), field.name());
      if (field.setter() != null) {
        create.addStatement("created.$L($L)", field.setter(), field.name());
      } else {
        create.addStatement("created.$L = $L", field.name(), field.name());
      }
    }
    return create.addStatement("return created").build();
  }

  private static CodeBlock construct(RecordType type, TypeName target, List<CodeBlock> arguments) {
    CodeBlock joined = CodeBlock.join(arguments, ", ");
    return type.isRecord() ? CodeBlock.of("new $T($L)", target, joined) : CodeBlock.of("create($L)", joined);
  }

  private static CodeBlock get(RecordField field, String owner) {
    return field.getter() != null ? CodeBlock.of("$L.$L()", owner, field.getter())
        : CodeBlock.of("$L.$L", owner, field.name());
  }

  private CodeBlock fieldSerializer(RecordField field) {
    return field.type() instanceof CheckpointType.Scalar ? expressions.of(field.type())
        : CodeBlock.of("$L", constant(field));
  }

  private static String constant(RecordField field) {
    return field.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static TypeName boxed(RecordField field) {
    return TypeName.get(field.javaType()).box();
  }

  private static String scalarMethod(CheckpointType.Scalar scalar) {
    String name = scalar.kind().typeName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** A default as a Java literal of the field's type. */
  private static CodeBlock literal(DefaultValue defaultValue) {
    Object value = defaultValue.value();
    CodeBlock literal;
    if (value instanceof EnumSymbol symbol) {
      literal = CodeBlock.of("$T.$L", ClassName.get(symbol.type()), symbol.name());
    } else if (value instanceof String text) {
      literal = CodeBlock.of("$S", text);
    } else if (value instanceof Long number) {
      literal = CodeBlock.of("$LL", number);
    } else if (value instanceof Float number) {
      literal = CodeBlock.of("$Lf", number);
    } else if (value instanceof Double number) {
      literal = CodeBlock.of("$Ld", number);
    } else {
      literal = CodeBlock.of("$L", value);
    }
    return defaultValue.optional() ? CodeBlock.of("$T.of($L)", Optional.class, literal) : literal;
  }
}
