package io.tidemark.internal.source;

/**
 * Plain data a source hands to a checkpoint: an {@link InputDescriptor} or a {@link SourcePosition}.
 * Implementations are records of numbers, strings and collections of them, registered by {@link #type()}
 * in {@link SourceDataTypes}, so a checkpoint's JSON names a type from that registry, never a Java class.
 */
public interface SourceData {

  /** The name this kind of data has in a checkpoint's JSON. */
  String type();
}
