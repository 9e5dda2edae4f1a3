package io.tidemark.internal.local;

import io.tidemark.function.KV;
import io.tidemark.function.MappingFunction;
import io.tidemark.function.StateUpdate;
import io.tidemark.internal.checkpoint.StageState;
import io.tidemark.internal.checkpoint.StateSerializers;
import io.tidemark.internal.plan.BatchExecution;
import io.tidemark.internal.plan.LogicalPlan;
import io.tidemark.internal.plan.Operation;
import io.tidemark.internal.plan.OutputNode;
import io.tidemark.internal.plan.PlanExecution;
import io.tidemark.internal.plan.PlanNode;
import io.tidemark.internal.source.GeneratedBatch;
import io.tidemark.internal.source.InputSource;
import io.tidemark.sink.OutputContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A plan compiled into the local engine's stages, one per node (the state of a stage no output needs
 * is kept and checkpointed all the same), and run batch by batch on a {@link TaskPool}.
 */
final class LocalExecution implements PlanExecution {

  private final LogicalPlan plan;
  private final Map<PlanNode<?>, Stage<?>> stages = new HashMap<>();
  private final List<Stage<?>> activeStages = new ArrayList<>();
  private final List<StageState<?, ?>> states = new ArrayList<>();
  private final List<OutputOperation<?>> outputs = new ArrayList<>();
  private TaskPool pool;
  private long zeroTime;

  LocalExecution(LogicalPlan plan) {
    this.plan = plan;
    for (PlanNode<?> node : plan.statefulNodes()) {
      stage(node);
    }
    for (PlanNode<?> node : plan.activeNodes()) {
      activeStages.add(stage(node));
    }
    for (OutputNode output : plan.outputs()) {
      outputs.add(new OutputOperation<>(output, stage(output.input()),
          new OutputContext(plan.name(), output.id(), plan.parallelism())));
    }
  }

  int parallelism() {
    return plan.parallelism();
  }

  long zeroTime() {
    return zeroTime;
  }

  @Override
  public List<StageState<?, ?>> stageStates() {
    return states;
  }

  @Override
  public void start(long zeroTime) {
    this.zeroTime = zeroTime;
    this.pool = new TaskPool(plan.parallelism());
  }

  @Override
  public BatchExecution batch(GeneratedBatch batch, boolean stateRestored) {
    BatchRun run = new BatchRun(batch, pool, stateRestored);
    Map<String, Long> outputRecords = new LinkedHashMap<>();
    return new BatchExecution() {
      @Override
      public void computeStages() {
        for (Stage<?> stage : activeStages) {
          stage.onBatch(run);
        }
      }

      @Override
      public void runOutputs() {
        for (OutputOperation<?> output : outputs) {
          long written = output.run(run);
          if (written >= 0) {
            outputRecords.put(output.id(), written);
          }
        }
      }

      @Override
      public void complete() {
        for (Stage<?> stage : activeStages) {
          stage.afterBatch(run);
        }
      }

      @Override
      public long recordsIn() {
        return run.recordsIn();
      }

      @Override
      public Map<String, Long> outputRecords() {
        return outputRecords;
      }
    };
  }

  @Override
  public Map<String, Long> stateSizes() {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (Stage<?> stage : activeStages) {
      if (stage instanceof StageState<?, ?> state) {
        sizes.put(stage.id(), state.stateSize());
      }
    }
    return sizes;
  }

  @Override
  public void close() {
    try {
      for (OutputOperation<?> output : outputs) {
        output.close();
      }
    } finally {
      if (pool != null) {
        pool.close();
      }
    }
  }

  /** The stage of {@code node}, compiled (with its parents) on first use. */
  @SuppressWarnings("unchecked")
  private <T> Stage<T> stage(PlanNode<T> node) {
    Stage<T> stage = (Stage<T>) stages.get(node);
    if (stage == null) {
      stage = compile(node);
      stages.put(node, stage);
      if (stage instanceof StageState<?, ?> state) {
        states.add(state);
      }
    }
    return stage;
  }

  /** The local operator of one node: the only place that restores the element types the plan erased. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Stage compile(PlanNode node) {
    Operation op = node.operation();
    if (op instanceof Operation.Input input) {
      return new InputStage<>(node, this, (InputSource) input.source());
    }
    Stage parent = stage(node.parent());
    if (op instanceof Operation.Mapping map) {
      return new MapStage<>(node, this, parent, (Function) map.function());
    } else if (op instanceof Operation.FlatMap flatMap) {
      return new FlatMapStage<>(node, this, parent, (Function) flatMap.function());
    } else if (op instanceof Operation.Filter filter) {
      return new FilterStage<>(node, this, parent, (Predicate) filter.predicate());
    } else if (op instanceof Operation.Union) {
      return new UnionStage<>(node, this, parent, stage((PlanNode) node.parents().get(1)));
    } else if (op instanceof Operation.Transform transform) {
      return new TransformStage<>(node, this, parent, (BiFunction) transform.function());
    } else if (op instanceof Operation.Window window) {
      return new WindowStage<>(node, this, parent, window.lengthMillis());
    } else if (op instanceof Operation.Count) {
      return new CountStage<>(node, this, parent);
    } else if (op instanceof Operation.ReduceByKey reduce) {
      return new CombineByKeyStage<>(node, this, parent, new ReducingCombiner<>((BinaryOperator) reduce.reduce()));
    } else if (op instanceof Operation.GroupByKey) {
      return new CombineByKeyStage<>(node, this, parent, new GroupingCombiner<>());
    } else if (op instanceof Operation.Join join) {
      Stage right = stage((PlanNode) node.parents().get(1));
      BiFunction<Object, Optional<Object>, Object> pair = join.leftOuter()
          ? KV::new
          : (v, w) -> new KV<>(v, w.orElseThrow());
      return new JoinStage<>(node, this, parent, right, join.leftOuter(), pair);
    } else if (op instanceof Operation.InverseWindow window) {
      return new InverseWindowStage<>(node, this, parent, (BinaryOperator) window.reduce(),
          (BinaryOperator) window.inverse(), window.lengthMillis(), (Predicate) window.keep(),
          (StateSerializers) window.stateSerializers());
    } else if (op instanceof Operation.UpdateState update) {
      return new UpdateStateStage<>(node, this, parent, (StateUpdate) update.update(),
          (StateSerializers) update.stateSerializers());
    } else if (op instanceof Operation.MapWithState mapWithState) {
      return new MapWithStateStage<>(node, this, parent, (MappingFunction) mapWithState.function(),
          mapWithState.timeoutMillis(), (StateSerializers) mapWithState.stateSerializers());
    } else if (op instanceof Operation.StateSnapshots) {
      return new StateSnapshotStage<>(node, this, (MapWithStateStage) parent);
    }
    throw new IllegalArgumentException("The local engine cannot run " + node + " (" + op + ")");
  }
}
