package io.tidemark.internal.source;

import java.util.Map;

/**
 * The registry of {@link SourceData} types by the name a checkpoint's JSON gives them. Explicit on
 * purpose: a checkpoint can only ever instantiate these records, whatever its JSON says. A new source
 * registers its descriptor and position types here.
 */
public final class SourceDataTypes {

  private static final Map<String, Class<? extends SourceData>> TYPES = Map.of(
      QueueSlice.TYPE, QueueSlice.class,
      FileList.TYPE, FileList.class,
      ReceivedBlocks.TYPE, ReceivedBlocks.class,
      WalBlocks.TYPE, WalBlocks.class,
      QueuePosition.TYPE, QueuePosition.class,
      TakenFiles.TYPE, TakenFiles.class,
      WalPosition.TYPE, WalPosition.class,
      KafkaOffsetRanges.TYPE, KafkaOffsetRanges.class,
      KafkaOffsets.TYPE, KafkaOffsets.class);

  private SourceDataTypes() {}

  /** The record type registered under {@code name}, or null. */
  public static Class<? extends SourceData> byName(String name) {
    return TYPES.get(name);
  }

  /** The registered names, for messages. */
  public static String names() {
    return String.join(", ", TYPES.keySet().stream().sorted().toList());
  }
}
