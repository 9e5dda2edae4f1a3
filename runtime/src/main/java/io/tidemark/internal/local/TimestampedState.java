package io.tidemark.internal.local;

/** A key's state in {@code mapWithState}, with the batch time of the key's last record (for the idle timeout). */
public record TimestampedState<S>(S value, long lastRecordMillis) {}
