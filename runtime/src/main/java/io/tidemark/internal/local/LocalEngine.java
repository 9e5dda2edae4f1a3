package io.tidemark.internal.local;

import io.tidemark.internal.plan.Engine;
import io.tidemark.internal.plan.LogicalPlan;
import io.tidemark.internal.plan.PlanExecution;

/**
 * The embedded default engine: every stage of a batch on a pool of {@code parallelism} worker threads
 * in this JVM, narrow chains fused per partition, keyed stages hash-partitioned with map-side combining,
 * state in per-partition hash maps.
 */
public final class LocalEngine implements Engine {

  @Override
  public String name() {
    return LOCAL;
  }

  @Override
  public PlanExecution prepare(LogicalPlan plan) {
    return new LocalExecution(plan);
  }
}
