package io.tidemark.source;

import java.util.List;

/** The input of a batch from a receiver: the ids of the received blocks allocated to it, in order. */
public record ReceivedBlocks(List<Long> blockIds) implements InputDescriptor {

  public ReceivedBlocks {
    blockIds = List.copyOf(blockIds);
  }

  public static final String TYPE = "blocks";

  @Override
  public String type() {
    return TYPE;
  }
}
