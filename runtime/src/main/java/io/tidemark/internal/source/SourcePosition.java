package io.tidemark.internal.source;

/**
 * How far a source has got, as plain data: what a restarted source needs to take up where the
 * checkpointed one left off (e.g. the files a directory source has already taken).
 */
public interface SourcePosition extends SourceData {}
