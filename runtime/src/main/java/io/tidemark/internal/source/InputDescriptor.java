package io.tidemark.internal.source;

/**
 * What one source contributes to one batch, as immutable plain data (numbers, strings, lists of them):
 * queue element indexes, file paths, received block ids. Planning a batch produces it; reading the
 * batch's data needs nothing else, so a checkpoint can record it as JSON and a restarted pipeline can
 * recompute the batch from it.
 */
public interface InputDescriptor extends SourceData {}
