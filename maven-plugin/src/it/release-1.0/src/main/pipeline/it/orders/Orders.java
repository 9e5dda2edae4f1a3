package it.orders;

import io.tidemark.annotation.Pipeline;
import io.tidemark.annotation.Sink;
import io.tidemark.annotation.Source;
import io.tidemark.annotation.State;
import io.tidemark.annotation.Transform;
import io.tidemark.annotation.Window;
import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.stream.PipelineConfig;
import io.tidemark.stream.SinkSpec;
import io.tidemark.stream.Sinks;
import io.tidemark.stream.SourceSpec;
import io.tidemark.stream.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Orders "customer,quantity,channel": totals per customer, and orders per customer over the last second. */
@Pipeline(name = "orders", batchInterval = "500ms", checkpointInterval = "500ms")
public class Orders {

  /** The lines of the file {@code in} as the first batch. */
  @Source(id = "lines")
  SourceSpec<String> lines(PipelineConfig conf) {
    Path in = Path.of(conf.get("in", "orders.txt"));
    try {
      return Sources.queue(List.of(Files.exists(in) ? Files.readAllLines(in) : List.<String>of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Transform(id = "byCustomer", from = "lines")
  KV<String, String> byCustomer(String line) {
    return KV.of(line.substring(0, line.indexOf(',')), line);
  }

  @State(id = "totals", from = "byCustomer")
  Totals update(List<String> orders, Totals previous) {
    return Totals.add(previous, orders);
  }

  @Sink(id = "totalsOut", from = "totals")
  SinkSpec<KV<String, Totals>> totalsOut(PipelineConfig conf) {
    return Sinks.textFiles(conf.get("out", "target/out/totals"));
  }

  @Transform(id = "ones", from = "lines")
  KV<String, Long> one(String line) {
    return KV.of(line.substring(0, line.indexOf(',')), 1L);
  }

  @Window(id = "recent", from = "ones", length = "1s", slide = "500ms", inverse = "minus")
  long sum(long a, long b) {
    return a + b;
  }

  long minus(long a, long b) {
    return a - b;
  }

  @Sink(id = "recentOut", from = "recent")
  void recentOut(BatchTime time, List<KV<String, Long>> batch) {}
}
