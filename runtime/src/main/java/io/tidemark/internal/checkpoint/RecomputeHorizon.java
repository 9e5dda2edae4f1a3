package io.tidemark.internal.checkpoint;

/**
 * How far back a recovery must recompute, as the plan's windows decide it.
 *
 * @param windowAfterStateMillis how long before the newest completed batch the restored state must be,
 *     so that every window without state of its own that a stateful stage feeds is refilled (windows
 *     in a chain add up; 0 without such windows)
 * @param statelessWindowMillis the longest window that keeps no state of its own: completed batches
 *     that recent are recomputed to refill it
 */
public record RecomputeHorizon(long windowAfterStateMillis, long statelessWindowMillis) {}
