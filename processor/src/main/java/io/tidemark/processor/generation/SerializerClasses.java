package io.tidemark.processor.generation;

import com.palantir.javapoet.ClassName;
import io.tidemark.processor.model.CheckpointType.RecordType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Where the serializer of each record type lives in this compilation: {@code <Outer_Inner>Serializer},
 * nested in {@code <Pipeline>Serializers} of the first pipeline that checkpoints the type, in the type's
 * own package (it may be package-private). Every pipeline after it uses that one.
 *
 * <p>One source file per pipeline and package rather than one per record type, because each generated
 * file costs javac more than the code in it: the Filer's check that no type of its name exists in any
 * module, and parsing, resolving its imports and entering it in every later processing round.
 */
final class SerializerClasses {

  /** By the record type's qualified name. */
  private final Map<String, ClassName> serializers = new HashMap<>();
  private final Set<ClassName> holders = new HashSet<>();

  /**
   * Places the serializers of the record types of {@code pipeline} that have none yet; returns those
   * record types by the class to nest their serializers in.
   */
  Map<ClassName, List<RecordType>> place(TypeElement pipeline, Collection<RecordType> records) {
    Map<ClassName, List<RecordType>> placed = new LinkedHashMap<>();
    for (RecordType record : records) {
      String recordName = record.element().getQualifiedName().toString();
      if (!serializers.containsKey(recordName)) {
        ClassName type = ClassName.get(record.element());
        ClassName holder = holder(pipeline, type.packageName());
        placed.computeIfAbsent(holder, unused -> new ArrayList<>()).add(record);
        serializers.put(recordName, holder.nestedClass(String.join("_", type.simpleNames()) + "Serializer"));
      }
    }
    holders.addAll(placed.keySet());
    return placed;
  }

  /** The serializer of a record type placed before. */
  ClassName of(RecordType record) {
    return serializers.get(record.element().getQualifiedName().toString());
  }

  private ClassName holder(TypeElement pipeline, String packageName) {
    ClassName pipelineName = ClassName.get(pipeline);
    String simpleName = String.join("_", pipelineName.simpleNames()) + "Serializers";
    ClassName holder = ClassName.get(packageName, simpleName);
    if (!holders.contains(holder)) {
      return holder;
    }
    // taken by a pipeline of the same simple name in another package: the package tells them apart
    return ClassName.get(packageName, pipelineName.packageName().replace('.', '_') + "_" + simpleName);
  }
}
