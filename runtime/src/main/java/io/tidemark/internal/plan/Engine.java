package io.tidemark.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The one interface an engine implements: it runs the batches of a {@link LogicalPlan}. The driver
 * ({@code io.tidemark.internal.driver}) keeps what makes a run safe and is the same for every engine —
 * when each batch runs, what each source's input is, the checkpoint written before a batch's outputs,
 * the lock — and asks the engine to compute each batch: the local engine on a thread pool in this JVM,
 * the Spark runner as Spark jobs. As in Beam's runner API, the plan is handed over as data; an engine
 * rebuilds nothing from serialized closures.
 *
 * <p>Engines are found by name with {@link ServiceLoader} ({@code
 * META-INF/services/io.tidemark.internal.plan.Engine}), so the DStream API names an engine without
 * depending on it.
 */
public interface Engine {

  /** The default engine: threads in this JVM. */
  String LOCAL = "local";

  /** The name a pipeline selects this engine by ({@code local}, {@code spark}). */
  String name();

  /**
   * Prepares to run {@code plan}, which is frozen. The execution holds the stages' state from now on,
   * so a recovery can restore it before the first batch.
   */
  PlanExecution prepare(LogicalPlan plan);

  /**
   * The engine registered under {@code name}.
   *
   * @throws IllegalArgumentException naming the engines that are on the class path
   */
  static Engine named(String name) {
    List<String> known = new ArrayList<>();
    for (Engine engine : ServiceLoader.load(Engine.class, Engine.class.getClassLoader())) {
      if (engine.name().equals(name)) {
        return engine;
      }
      known.add(engine.name());
    }
    throw new IllegalArgumentException("No engine named '" + name + "' on the class path; known engines: " + known
        + (name.equals("spark") ? ". Add tidemark-spark to the class path to run on Spark" : ""));
  }
}
