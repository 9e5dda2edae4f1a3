package io.tidemark.internal.source;

import java.util.List;

/** The input of a batch from a receiver without a write-ahead log: the ids of its blocks in memory, in order. */
public record ReceivedBlocks(List<Long> blockIds) implements ReceivedInput {

  public ReceivedBlocks {
    blockIds = List.copyOf(blockIds);
  }

  public static final String TYPE = "blocks";

  @Override
  public String type() {
    return TYPE;
  }
}
