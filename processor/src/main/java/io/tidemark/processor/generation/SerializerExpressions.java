package io.tidemark.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.tidemark.processor.model.CheckpointType;
import io.tidemark.schema.PrimitiveSchema;
import io.tidemark.schema.Serializers;

/** The source of an expression that evaluates to the serializer of a {@link CheckpointType}. */
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
      return enumType.defaultSymbol() == null ? CodeBlock.of("$T.enums($T.class)", Serializers.class, enumClass)
          : CodeBlock.of("$T.enums($T.class, $T.$L)", Serializers.class, enumClass, enumClass,
              enumType.defaultSymbol());
    }
    if (type instanceof CheckpointType.ListType list) {
      return CodeBlock.of("$T.list($L)", Serializers.class, of(list.element()));
    }
    if (type instanceof CheckpointType.SetType set) {
      return CodeBlock.of("$T.set($L)", Serializers.class, of(set.element()));
    }
    if (type instanceof CheckpointType.MapType map) {
      return CodeBlock.of("$T.map($L, $L)", Serializers.class, of(map.key()), of(map.value()));
    }
    if (type instanceof CheckpointType.OptionalType optional) {
      return CodeBlock.of("$T.optional($L)", Serializers.class, of(optional.value()));
    }
    if (type instanceof CheckpointType.KVType kv) {
      return CodeBlock.of("$T.kv($L, $L)", Serializers.class, of(kv.key()), of(kv.value()));
    }
    return CodeBlock.of("$T.INSTANCE", classes.of((CheckpointType.RecordType) type));
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
