package test;

import io.tidemark.annotation.Alias;
import io.tidemark.annotation.Default;

public record WordStats(long total, @Default("0") long maxPerBatch, @Alias("lastSeen") long lastBatch) {}
