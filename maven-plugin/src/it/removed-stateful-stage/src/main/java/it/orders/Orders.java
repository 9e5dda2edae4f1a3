package it.orders;

import io.tidemark.annotation.Pipeline;
import io.tidemark.annotation.Sink;
import io.tidemark.annotation.Source;
import io.tidemark.annotation.State;
import io.tidemark.annotation.Transform;
import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.SourceSpec;
import io.tidemark.stream.Sources;
import java.util.List;

/** 1.1: totals per customer only; the windowed count "recent" is gone, and its state with it. Only checked, never run. */
@Pipeline(name = "orders", batchInterval = "500ms", checkpointInterval = "500ms")
public class Orders {

  @Source(id = "lines")
  SourceSpec<String> lines(PipelineConfig conf) {
    return Sources.queue(List.of());
  }

  @Transform(id = "byCustomer", from = "lines")
  KV<String, String> byCustomer(String line) {
    return KV.of(line, line);
  }

  @State(id = "totals", from = "byCustomer")
  Totals update(List<String> orders, Totals previous) {
    return Totals.add(previous, orders);
  }

  @Sink(id = "totalsOut", from = "totals")
  void totalsOut(BatchTime time, List<KV<String, Totals>> batch) {}
}
