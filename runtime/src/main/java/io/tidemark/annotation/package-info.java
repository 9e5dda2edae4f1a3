/**
 * Annotations that declare a pipeline: a class annotated {@link io.tidemark.annotation.Pipeline} whose
 * methods are its stages ({@link io.tidemark.annotation.Source}, {@link io.tidemark.annotation.Transform},
 * {@link io.tidemark.annotation.Window}, {@link io.tidemark.annotation.State}, {@link
 * io.tidemark.annotation.Sink}), and the annotations that version the types landing in a checkpoint
 * ({@link io.tidemark.annotation.Default}, {@link io.tidemark.annotation.Alias}).
 *
 * <p>The annotation processor ({@code tidemark-processor}) checks the graph while {@code javac} runs and
 * generates the context factory, serializers and pipeline descriptor. Stage annotations are retained in
 * class files (not only in sources) so that a pipeline or a state type compiled into a library jar can
 * still be read by the processor of a later compilation; {@code @Pipeline} is kept at run time so tools
 * can recognise a pipeline class without its generated code.
 */
package io.tidemark.annotation;
