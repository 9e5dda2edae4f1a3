package io.tidemark.sink;

/**
 * Who a {@link PartitionedSink} writes for: a key for its markers that stays the same across restarts
 * and upgrades, as long as the output keeps its id.
 *
 * @param pipeline the pipeline's name
 * @param outputId the output's stable id ({@code Output.uid}, or a {@code @Sink}'s id)
 * @param partitionCount how many partitions every batch has in this run (may differ after a restart)
 */
public record OutputContext(String pipeline, String outputId, int partitionCount) {}
