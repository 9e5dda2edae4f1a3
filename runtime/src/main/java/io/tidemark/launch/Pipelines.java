package io.tidemark.launch;

import io.tidemark.stream.PipelineFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The pipelines on the class path: the {@link PipelineFactory} services the annotation processor registers. */
final class Pipelines {

  private final TreeMap<String, PipelineFactory> byName = new TreeMap<>();

  Pipelines(ClassLoader loader) {
    ServiceLoader.load(PipelineFactory.class, loader).forEach(factory -> byName.put(factory.name(), factory));
  }

  List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** The pipeline called {@code name}; an error listing the known ones if there is none. */
  PipelineFactory named(String name) {
    PipelineFactory factory = byName.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(byName.isEmpty()
          ? "Unknown pipeline '" + name + "': there is no pipeline on the class path. Is the jar built with"
              + " tidemark-processor on the annotation processor path?"
          : "Unknown pipeline '" + name + "'. Known pipelines: " + String.join(", ", byName.keySet()));
    }
    return factory;
  }
}
