package io.tidemark.maven;

import io.tidemark.schema.PipelineDescriptor;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pipeline descriptors a build is checked against: the ones earlier checkpoints were written with.
 *
 * @param kind where they come from
 * @param location the directory, artifact or checkpoint they were read from, for the report
 * @param pipelines the descriptors by pipeline name; empty when the baseline had no pipeline yet
 */
record Baseline(Kind kind, String location, SortedMap<String, PipelineDescriptor> pipelines) {

  Baseline {
    pipelines = new TreeMap<>(pipelines);
  }

  enum Kind {
    COMMITTED("committed baseline"),
    RELEASE("previous release"),
    CHECKPOINT("checkpoint");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** What the report calls it: {@code previous release io.example:orders:1.0}. */
  String describe() {
    return kind.label + " " + location;
  }
}
