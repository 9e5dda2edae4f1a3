package io.tidemark.bench;

import io.tidemark.annotation.Pipeline;
import io.tidemark.annotation.Sink;
import io.tidemark.annotation.Source;
import io.tidemark.annotation.State;
import io.tidemark.annotation.Transform;
import io.tidemark.bench.CodecBenchmark.Event;
import io.tidemark.function.BatchTime;
import io.tidemark.function.KV;
import io.tidemark.stream.SourceSpec;
import io.tidemark.stream.Sources;
import java.util.List;

/**
 * The smallest pipeline that checkpoints {@link Event}: it exists so that the annotation processor
 * generates {@code EventPipelineSerializers.CodecBenchmark_EventSerializer}, which {@link CodecBenchmark}
 * measures.
 */
@Pipeline(name = "bench-events", batchInterval = "1s", checkpointInterval = "10s")
public class EventPipeline {

  @Source(id = "events")
  SourceSpec<Event> events() {
    return Sources.queue(List.of());
  }

  @Transform(id = "bySession", from = "events")
  KV<Long, Event> bySession(Event event) {
    return KV.of(event.sessionId(), event);
  }

  @State(id = "latest", from = "bySession")
  Event latest(List<Event> events, Event previous) {
    return events.isEmpty() ? previous : events.get(events.size() - 1);
  }

  @Sink(id = "out", from = "latest")
  void out(BatchTime time, List<KV<Long, Event>> batch) {}
}
