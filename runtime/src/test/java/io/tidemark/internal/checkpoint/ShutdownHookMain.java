package io.tidemark.internal.checkpoint;

import io.tidemark.function.BatchInfo;
import io.tidemark.function.KV;
import io.tidemark.function.StreamingListener;
import io.tidemark.schema.Serializers;
import io.tidemark.stream.StreamingContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A pipeline for {@link ShutdownHookTest} to run in a child JVM and stop with SIGTERM: running word
 * totals on the system clock, state checkpointed only every hour, so a state checkpoint at a batch of
 * this run can only be the final one the shutdown hook writes. Prints "completed <time>" per batch.
 */
public final class ShutdownHookMain {

  private ShutdownHookMain() {}

  public static void main(String[] args) throws Exception {
    StreamingContext context = StreamingContext.getOrCreate(args[0], () -> {
      StreamingContext created = StreamingContext.builder(Duration.ofMillis(200)).parallelism(1)
          .checkpointInterval(Duration.ofHours(1)).build();
      // every batch gets the default batch: an empty queue leaves nothing for the graceful stop to plan
      created.queueStream(new ConcurrentLinkedQueue<List<String>>(), true, List.of("a", "b"))
          .mapToPair(word -> KV.of(word, 1L))
          .updateStateByKey("totals", Serializers.strings(), Serializers.longs(),
              (List<Long> ones, Optional<Long> total) -> total.orElse(0L) + ones.size())
          .foreachBatch((time, batch) -> { });
      return created;
    });
    context.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(BatchInfo info) {
        System.out.println("completed " + info.batchTime().milliseconds());
        System.out.flush();
      }
    });
    context.start();
    context.awaitTermination();
  }
}
