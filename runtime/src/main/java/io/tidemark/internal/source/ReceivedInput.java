package io.tidemark.internal.source;

/**
 * The input of a batch from a receiver: blocks held in memory ({@link ReceivedBlocks}), or, with the
 * write-ahead log on, the log records of the blocks ({@link WalBlocks}).
 */
public sealed interface ReceivedInput extends InputDescriptor permits ReceivedBlocks, WalBlocks {}
