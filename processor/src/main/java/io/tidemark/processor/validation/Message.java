package io.tidemark.processor.validation;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports: all wording lives here. Each constant is a {@link
 * String#format} pattern over the arguments listed in its comment; the constant's name is the
 * message's id.
 */
public enum Message {

  // (pipeline class)
  PIPELINE_CLASS_NOT_ACCESSIBLE("pipeline class %s must be a non-private top-level or static nested class: "
      + "the generated context lives beside it and creates it"),
  // (pipeline class)
  PIPELINE_NO_CONSTRUCTOR("pipeline class %s needs a non-private no-arg constructor: the generated context creates "
      + "an instance to call its stage methods on"),
  // (name)
  PIPELINE_NAME_MALFORMED("pipeline name '%s' must match [A-Za-z][A-Za-z0-9_.-]*: it names the descriptor file "
      + "and the launcher finds the pipeline by it"),
  // (name, first pipeline class)
  PIPELINE_NAME_DUPLICATE("pipeline name '%s' is already used by %s"),
  // (attribute, text)
  DURATION_INVALID("%s '%s' is not a duration: expected a whole number followed by a unit ms, s, m, h or d "
      + "(e.g. 500ms, 10s, 1h)"),
  // (attribute, text)
  DURATION_NOT_POSITIVE("%s '%s' must be longer than zero"),
  // (checkpoint interval, batch interval)
  CHECKPOINT_INTERVAL_NOT_MULTIPLE("checkpointInterval %s is not a multiple of the batch interval %s"),
  // (pipeline class)
  NO_SINK("pipeline %s has no @Sink: no output would ever run its stages"),
  // (dropped id)
  DROPPED_STAGE_PRESENT("stage '%s' is declared dropped but is still a stage of this pipeline"),

  // (method, first annotation, second annotation)
  SEVERAL_STAGE_ANNOTATIONS("%s() is annotated with both @%s and @%s: a method is one stage"),
  // (method, pipeline class)
  STAGE_METHOD_PRIVATE("stage method %s() must not be private: the generated context of %s calls it"),
  // (id)
  ID_MALFORMED("stage id '%s' must match [A-Za-z][A-Za-z0-9_.-]*"),
  // (id, method already using it)
  ID_DUPLICATE("stage id '%s' is already used by %s()"),
  // (id, former id, stage using it)
  FORMER_ID_DUPLICATE("former id '%s' of stage '%s' is already an id or former id of stage '%s'"),
  // (id, known ids)
  FROM_UNKNOWN("from '%s' names no stage of this pipeline; its stages are %s"),
  // (stage id, cycle path)
  CYCLE("stage '%s' is part of a cycle: %s"),
  // (method)
  SOURCE_SHAPE("@Source method %s() must have the shape SourceSpec<T> f(PipelineConfig)"),
  // (method)
  TRANSFORM_SHAPE("@Transform method %s() must take one element (R f(T), Iterable<R> f(T), boolean f(T), "
      + "KV<K, V> f(T), Optional<R> f(T)) or only streams (DStream<R> f(DStream<A>, ...))"),
  // (method, parameters, from count)
  FROM_COUNT("%s() takes %d input(s) but from names %d"),
  // (method)
  WINDOW_SHAPE("@Window method %s() must have the shape V f(V, V)"),
  // (method)
  STATE_SHAPE("@State method %s() must have the shape S f(List<V> values, S previous), "
      + "S f(K key, List<V> values, S previous) or R f(K key, Optional<V> value, State<S> state)"),
  // (method)
  STATE_TIMEOUT_NEEDS_MAPPING_SHAPE("timeout needs the shape R %s(K key, Optional<V> value, State<S> state): "
      + "an update per batch is never told that a key timed out"),
  // (method)
  SINK_SHAPE("@Sink method %s() must have the shape void f(BatchTime, List<T>) or SinkSpec<T> f(PipelineConfig)"),
  // (input stage, what it produces, method, what the method takes)
  TYPE_MISMATCH("stage '%s' produces %s, but %s() takes %s"),
  // (annotation, input stage, what it produces)
  KEYED_INPUT_REQUIRED("@%s needs a keyed input, but stage '%s' produces %s: "
      + "key it with a @Transform returning KV<K, V>"),
  // (length or slide, duration, batch interval)
  WINDOW_NOT_MULTIPLE_OF_BATCH("window %s %s is not a multiple of the batch interval %s"),
  // (length or slide, duration, input's slide, input stage)
  WINDOW_NOT_MULTIPLE_OF_INPUT("window %s %s is not a multiple of the slide %s of its input '%s'"),
  // (inverse name, pipeline class)
  INVERSE_MISSING("inverse method %s(V, V) not found in %s"),
  // (inverse name, expected signature)
  INVERSE_SHAPE("inverse method %s() must have the reduce method's shape %s"),
  // (keep name, keep name, pipeline class)
  KEEP_MISSING("keep method %s(KV<K, V>) or %s(V) not found in %s"),
  // (keep name, keep name, keep name)
  KEEP_SHAPE("keep method %s() must have the shape boolean %s(KV<K, V>) or boolean %s(V)"),
  // (window method)
  KEEP_NEEDS_INVERSE("keep needs an inverse: only a window maintained with one (%s) holds keys whose values "
      + "all left it"),
  // (checkpoint interval, window id, five slides)
  CHECKPOINT_INTERVAL_BELOW_FIVE_SLIDES(Diagnostic.Kind.WARNING, "checkpointInterval %s is below 5 slides of "
      + "window '%s' (%s): its state would be written more often than it changes much; use 5 to 10 slides"),

  // (type, stage id, role)
  TYPE_UNSUPPORTED("%s cannot be serialized into the checkpoint of stage '%s' (%s): supported are primitives, "
      + "String, byte[], enums, records, classes with a no-arg constructor, List, Set, Map, Optional and KV"),
  // (type, stage id, role, field)
  TYPE_OBJECT_FIELD("%s cannot be serialized into the checkpoint of stage '%s' (%s): its field %s is declared "
      + "as Object, which says nothing about what to write; declare a concrete type"),
  // (type, stage id, role)
  TYPE_NO_CONSTRUCTOR("%s cannot be serialized into the checkpoint of stage '%s' (%s): it has no non-private "
      + "no-arg constructor to create it with"),
  // (type, stage id, role, field)
  TYPE_FIELD_INACCESSIBLE("%s cannot be serialized into the checkpoint of stage '%s' (%s): its field %s is "
      + "private and has no non-private getter and setter"),
  // (type, stage id, role)
  TYPE_PRIVATE("%s cannot be serialized into the checkpoint of stage '%s' (%s): it is private, so generated code "
      + "cannot create it"),
  // (type, stage id, role, path)
  TYPE_CYCLE("%s cannot be serialized into the checkpoint of stage '%s' (%s): it contains itself through %s, "
      + "and recursive types cannot be versioned"),
  // (enum, first default symbol, second default symbol)
  DEFAULT_SYMBOL_DUPLICATE("enum %s declares both %s and %s as @DefaultSymbol: removed symbols can read as "
      + "only one of them"),
  // (default text, field type, reason)
  DEFAULT_UNPARSABLE("@Default(\"%s\") does not parse as %s: %s"),
  // (field type)
  DEFAULT_UNSUPPORTED_TYPE("@Default is supported on primitive, String and enum fields (and Optional of them), "
      + "not on %s");

  private final Diagnostic.Kind kind;
  private final String format;

  Message(String format) {
    this(Diagnostic.Kind.ERROR, format);
  }

  Message(Diagnostic.Kind kind, String format) {
    this.kind = kind;
    this.format = format;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  public String format(Object... arguments) {
    return String.format(format, arguments);
  }
}
