package io.tidemark.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.tidemark.function.KV;
import io.tidemark.processor.model.CheckpointType;
import io.tidemark.schema.PrimitiveSchema;
import io.tidemark.schema.Serializers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source of an expression that evaluates to the serializer of a {@link CheckpointType}. Calls of the
 * generic factories spell out their type arguments: javac then has nothing to infer, which for the
 * hundreds of nested serializers a large pipeline declares saves it measurable time.
 */
final class SerializerExpressions {

  private final SerializerClasses classes;

  SerializerExpressions(SerializerClasses classes) {
    this.classes = classes;
  }

  CodeBlock of(CheckpointType type) {
    if (type instanceof CheckpointType.Scalar scalar) {
      return CodeBlock.of("$T.$L()", Serializers.class, factory(scalar.kind()));
    }
    if (type instanceof CheckpointType.EnumType enumType) {
      ClassName enumClass = ClassName.get(enumType.element());
      return enumType.defaultSymbol() == null
          ? CodeBlock.of("$T.<$T>enums($T.class)", Serializers.class, enumClass, enumClass)
          : CodeBlock.of("$T.<$T>enums($T.class, $T.$L)", Serializers.class, enumClass, enumClass, enumClass,
              enumType.defaultSymbol());
    }
    if (type instanceof CheckpointType.ListType list) {
      return CodeBlock.of("$T.<$T>list($L)", Serializers.class, javaType(list.element()), of(list.element()));
    }
    if (type instanceof CheckpointType.SetType set) {
      return CodeBlock.of("$T.<$T>set($L)", Serializers.class, javaType(set.element()), of(set.element()));
    }
    if (type instanceof CheckpointType.MapType map) {
      return CodeBlock.of("$T.<$T, $T>map($L, $L)", Serializers.class, javaType(map.key()), javaType(map.value()),
          of(map.key()), of(map.value()));
    }
    if (type instanceof CheckpointType.OptionalType optional) {
      return CodeBlock.of("$T.<$T>optional($L)", Serializers.class, javaType(optional.value()),
          of(optional.value()));
    }
    if (type instanceof CheckpointType.KVType kv) {
      return CodeBlock.of("$T.<$T, $T>serializer($L, $L)", KV.class, javaType(kv.key()), javaType(kv.value()),
          of(kv.key()), of(kv.value()));
    }
    return CodeBlock.of("$T.INSTANCE", classes.of((CheckpointType.RecordType) type));
  }

  /** The Java type of the values of {@code type} as a type argument: a primitive boxed. */
  private static TypeName javaType(CheckpointType type) {
    if (type instanceof CheckpointType.Scalar scalar) {
      return TypeName.get(scalar.type()).box();
    }
    if (type instanceof CheckpointType.EnumType enumType) {
      return ClassName.get(enumType.element());
    }
    if (type instanceof CheckpointType.RecordType record) {
      return ClassName.get(record.element());
    }
    if (type instanceof CheckpointType.ListType list) {
      return ParameterizedTypeName.get(ClassName.get(List.class), javaType(list.element()));
    }
    if (type instanceof CheckpointType.SetType set) {
      return ParameterizedTypeName.get(ClassName.get(Set.class), javaType(set.element()));
    }
    if (type instanceof CheckpointType.MapType map) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), javaType(map.key()), javaType(map.value()));
    }
    if (type instanceof CheckpointType.OptionalType optional) {
      return ParameterizedTypeName.get(ClassName.get(Optional.class), javaType(optional.value()));
    }
    CheckpointType.KVType kv = (CheckpointType.KVType) type;
    return ParameterizedTypeName.get(ClassName.get(KV.class), javaType(kv.key()), javaType(kv.value()));
  }

  private static String factory(PrimitiveSchema kind) {
    return switch (kind) {
      case BOOLEAN -> "booleans";
      case INT -> "ints";
      case LONG -> "longs";
      case FLOAT -> "floats";
      case DOUBLE -> "doubles";
      case STRING -> "strings";
      case BYTES -> "bytes";
    };
  }
}
