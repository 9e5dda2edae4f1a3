package io.tidemark.schema;

import io.tidemark.schema.StageDescriptor.StateDescriptor;
import io.tidemark.schema.StageDescriptor.WindowDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a pipeline's current code can take over a checkpoint written by an earlier version,
 * by the stage rules of DESIGN.md: stateful stages are matched by id (or a declared former id); an added
 * one starts empty; a removed one is an error unless declared dropped; a matched one must keep its kind,
 * and its state's key and value schemas are checked by {@link Compatibility#checkKey} and {@link
 * Compatibility#check}; a window may shrink, may grow (under-filled for a while), but its batch interval
 * may not change under it; a source keeps its kind under its id. The runtime checks every recovery
 * this way, and the Maven plugin every build against its baseline.
 */
public final class PipelineCompatibility {

  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Verdict> stageVerdicts = new LinkedHashMap<>();

  private PipelineCompatibility() {}

  /** Whether state and positions checkpointed with {@code checkpointed} can be read by {@code current}. */
  public static PipelineReport check(PipelineDescriptor checkpointed, PipelineDescriptor current) {
    return new PipelineCompatibility().run(checkpointed, current);
  }

  private PipelineReport run(PipelineDescriptor old, PipelineDescriptor current) {
    Set<String> matchedOld = new HashSet<>();
    for (StageDescriptor stage : current.statefulStages()) {
      Optional<StageDescriptor> former = predecessor(stage, old);
      if (former.isEmpty()) {
        report(FindingKind.STATEFUL_STAGE_ADDED, stage.id(), stage.id());
        stageVerdicts.put(stage.id(), Verdict.AS_IS);
        continue;
      }
      matchedOld.add(former.get().id());
      if (!former.get().id().equals(stage.id())) {
        report(FindingKind.STATEFUL_STAGE_RENAMED, stage.id(), stage.id(), former.get().id());
      }
      compareStage(old, former.get(), current, stage);
    }
    for (StageDescriptor stage : old.statefulStages()) {
      if (!matchedOld.contains(stage.id())) {
        boolean dropped = current.droppedStages().contains(stage.id());
        report(dropped ? FindingKind.STATEFUL_STAGE_DROPPED : FindingKind.STATEFUL_STAGE_REMOVED, stage.id(), stage.id());
      }
    }
    compareSources(old, current);
    boolean intervalError = findings.stream().anyMatch(f -> f.kind() == FindingKind.BATCH_INTERVAL_CHANGED_WITH_WINDOW);
    if (old.batchIntervalMillis() != current.batchIntervalMillis() && !intervalError) {
      report(FindingKind.BATCH_INTERVAL_CHANGED, current.name(), old.batchIntervalMillis(),
          current.batchIntervalMillis());
    }
    return new PipelineReport(new CompatibilityReport(verdictOf(findings), findings), stageVerdicts);
  }

  /**
   * The stateful stage of {@code old} whose state {@code stage} takes over: the one with the same id,
   * else one with a declared former id.
   */
  public static Optional<StageDescriptor> predecessor(StageDescriptor stage, PipelineDescriptor old) {
    Optional<StageDescriptor> same = old.stage(stage.id()).filter(s -> s.state().isPresent());
    if (same.isPresent()) {
      return same;
    }
    return stage.formerIds().stream().map(old::stage).flatMap(Optional::stream)
        .filter(s -> s.state().isPresent()).findFirst();
  }

  private void compareStage(PipelineDescriptor oldPipeline, StageDescriptor old, PipelineDescriptor currentPipeline,
      StageDescriptor stage) {
    int before = findings.size();
    if (!old.kind().equals(stage.kind())) {
      report(FindingKind.STAGE_KIND_CHANGED, stage.id(), stage.id(), old.kind(), stage.kind());
    } else {
      StateDescriptor oldState = old.state().orElseThrow();
      StateDescriptor state = stage.state().orElseThrow();
      findings.addAll(Compatibility.checkKey(stage.id() + ".key", oldState.key(), state.key()).findings());
      findings.addAll(Compatibility.check(stage.id() + ".value", oldState.value(), state.value()).findings());
      if (old.window().isPresent() && stage.window().isPresent()) {
        compareWindows(oldPipeline, old.window().get(), currentPipeline, stage);
      }
    }
    stageVerdicts.put(stage.id(), verdictOf(findings.subList(before, findings.size())));
  }

  private void compareWindows(PipelineDescriptor oldPipeline, WindowDescriptor old, PipelineDescriptor currentPipeline,
      StageDescriptor stage) {
    if (oldPipeline.batchIntervalMillis() != currentPipeline.batchIntervalMillis()) {
      report(FindingKind.BATCH_INTERVAL_CHANGED_WITH_WINDOW, stage.id(), oldPipeline.batchIntervalMillis(),
          currentPipeline.batchIntervalMillis(), stage.id());
    }
    long length = stage.window().orElseThrow().lengthMillis();
    if (length < old.lengthMillis()) {
      report(FindingKind.WINDOW_SHORTENED, stage.id(), old.lengthMillis(), length);
    } else if (length > old.lengthMillis()) {
      report(FindingKind.WINDOW_LENGTHENED, stage.id(), old.lengthMillis(), length);
    }
  }

  /** A source's kind is compared only when both descriptors know it (see {@link StageDescriptor#sourceKind}). */
  private void compareSources(PipelineDescriptor old, PipelineDescriptor current) {
    for (StageDescriptor source : old.stages()) {
      if (!source.isSource()) {
        continue;
      }
      Optional<StageDescriptor> now = current.stage(source.id());
      if (now.isEmpty()) {
        report(FindingKind.SOURCE_REMOVED, source.id(), source.id());
      } else if (source.sourceKind() != null && now.get().sourceKind() != null
          && !now.get().sourceKind().equals(source.sourceKind())) {
        report(FindingKind.SOURCE_KIND_CHANGED, source.id(), source.id(), source.sourceKind(),
            now.get().sourceKind());
      }
    }
  }

  private static Verdict verdictOf(List<Finding> some) {
    if (some.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
      return Verdict.INCOMPATIBLE;
    }
    return some.stream().anyMatch(f -> f.severity() == Severity.MIGRATION) ? Verdict.AFTER_MIGRATION : Verdict.AS_IS;
  }

  private void report(FindingKind kind, String path, Object... arguments) {
    findings.add(kind.at(path, arguments));
  }
}
