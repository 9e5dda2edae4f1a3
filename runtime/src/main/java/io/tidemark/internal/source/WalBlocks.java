package io.tidemark.internal.source;

import java.util.List;

/**
 * The input of a batch from a receiver that logs to a write-ahead log: the log records of the blocks
 * allocated to it, in order. A restart reads exactly these records again.
 */
public record WalBlocks(List<WalRange> ranges) implements ReceivedInput {

  public static final String TYPE = "walBlocks";

  public WalBlocks {
    ranges = List.copyOf(ranges);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
