package io.tidemark.stream;

/**
 * A pipeline a launcher can find by name: the annotation processor generates one per {@code @Pipeline}
 * class and registers it in {@code META-INF/services/io.tidemark.stream.PipelineFactory}, so {@link
 * java.util.ServiceLoader} lists the pipelines on the class path.
 */
public interface PipelineFactory {

  /** The pipeline's name, as in {@code @Pipeline(name = ...)}. */
  String name();

  /** A new context running the pipeline from scratch, not yet started. */
  StreamingContext createContext(PipelineConfig config);

  /** A context recovered from {@code checkpointDir} if it holds a compatible checkpoint, else new; not yet started. */
  StreamingContext getOrCreate(String checkpointDir, PipelineConfig config);
}
