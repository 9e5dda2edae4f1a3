package io.tidemark.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import io.tidemark.processor.model.CheckedPipeline;
import io.tidemark.processor.model.CheckpointType;
import io.tidemark.processor.model.CheckpointType.RecordType;
import io.tidemark.processor.model.JavaTypes;
import io.tidemark.schema.PipelineDescriptorJson;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes what a checked pipeline needs at run time: its context, the serializers of the records it
 * checkpoints (each once per compilation, however many pipelines share it; see {@link SerializerClasses})
 * and its descriptor; at the end of the compilation, the services file listing every pipeline's factory.
 */
public final class Generator {

  private static final String SERVICES = "META-INF/services/io.tidemark.stream.PipelineFactory";

  private final Filer filer;
  private final ContextGenerator contexts;
  private final SerializerClasses serializerClasses = new SerializerClasses();
  private final RecordSerializerGenerator serializers;
  private final Set<String> factories = new TreeSet<>();
  private final List<Element> pipelineElements = new ArrayList<>();

  public Generator(Filer filer, JavaTypes types, String processorName) {
    this.filer = filer;
    AnnotationSpec generated = AnnotationSpec.builder(Generated.class).addMember("value", "$S", processorName).build();
    SerializerExpressions serializerExpressions = new SerializerExpressions(serializerClasses);
    this.contexts = new ContextGenerator(generated, types, serializerExpressions);
    this.serializers = new RecordSerializerGenerator(generated, serializerClasses, serializerExpressions);
  }

  public void generate(CheckedPipeline pipeline) throws IOException {
    TypeElement origin = pipeline.model().type();
    for (Map.Entry<ClassName, List<RecordType>> holder
        : serializerClasses.place(origin, records(pipeline).values()).entrySet()) {
      serializers.generate(holder.getKey(), holder.getValue(), origin).writeTo(filer);
    }
    contexts.generate(pipeline).writeTo(filer);
    FileObject descriptor = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
        "META-INF/tidemark/" + pipeline.model().name() + ".json", origin);
    try (Writer out = descriptor.openWriter()) {
      out.write(PipelineDescriptorJson.toJsonString(DescriptorGenerator.describe(pipeline)));
    }
    factories.add(ContextGenerator.factoryBinaryName(pipeline.model()));
    pipelineElements.add(origin);
  }

  /** Writes the services file; call once, when processing is over. */
  public void finish() throws IOException {
    if (factories.isEmpty()) {
      return;
    }
    FileObject services = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICES,
        pipelineElements.toArray(Element[]::new));
    try (Writer out = services.openWriter()) {
      out.write(String.join("\n", factories) + "\n");
    }
  }

  /** Every record type the pipeline's states contain, outermost first. */
  private static Map<String, RecordType> records(CheckedPipeline pipeline) {
    Map<String, RecordType> records = new LinkedHashMap<>();
    pipeline.states().values().forEach(state -> {
      collect(state.key(), records);
      collect(state.value(), records);
    });
    return records;
  }

  private static void collect(CheckpointType type, Map<String, RecordType> records) {
    if (type instanceof RecordType record) {
      if (records.putIfAbsent(record.element().getQualifiedName().toString(), record) == null) {
        record.fields().forEach(field -> collect(field.type(), records));
      }
    } else if (type instanceof CheckpointType.ListType list) {
      collect(list.element(), records);
    } else if (type instanceof CheckpointType.SetType set) {
      collect(set.element(), records);
    } else if (type instanceof CheckpointType.OptionalType optional) {
      collect(optional.value(), records);
    } else if (type instanceof CheckpointType.MapType map) {
      collect(map.key(), records);
      collect(map.value(), records);
    } else if (type instanceof CheckpointType.KVType kv) {
      collect(kv.key(), records);
      collect(kv.value(), records);
    }
  }
}
