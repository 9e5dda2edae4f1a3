package io.tidemark.internal.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads offset ranges exactly, with one consumer that {@code assign}s and {@code seek}s (no group
 * membership): each range from its {@code from} until the consumer's position reaches its {@code until},
 * so offsets without a record (compaction, transaction markers, aborted records under {@code
 * read_committed}) end a range as surely as records do. Thread-safe; the consumer is opened on first use and may be reopened after {@link #close}, because a
 * graceful stop still runs queued batches after the source stopped.
 */
final class KafkaRangeReader<K, V> implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final String sourceId;
  private final Supplier<Consumer<K, V>> consumers;
  private final OutOfRangePolicy onOutOfRange;
  private final Duration stallTimeout;
  private Consumer<K, V> consumer;

  /** @param stallTimeout how long reading may go without progress before the batch fails */
  KafkaRangeReader(String sourceId, Supplier<Consumer<K, V>> consumers, OutOfRangePolicy onOutOfRange,
      Duration stallTimeout) {
    this.sourceId = sourceId;
    this.consumers = consumers;
    this.onOutOfRange = onOutOfRange;
    this.stallTimeout = stallTimeout;
  }

  /** The records of each range, in offset order, in the order of {@code ranges}. */
  synchronized List<List<ConsumerRecord<K, V>>> read(List<OffsetRange> ranges) {
    Map<TopicPartition, List<ConsumerRecord<K, V>>> records = new HashMap<>();
    Map<TopicPartition, Long> untilOf = new HashMap<>();
    for (OffsetRange range : ranges) {
      records.put(range.topicPartition(), new ArrayList<>());
      untilOf.put(range.topicPartition(), range.until());
    }
    if (!untilOf.isEmpty()) {
      readInto(ranges, untilOf, records);
    }
    List<List<ConsumerRecord<K, V>>> byRange = new ArrayList<>();
    ranges.forEach(range -> byRange.add(records.get(range.topicPartition())));
    return byRange;
  }

  private void readInto(List<OffsetRange> ranges, Map<TopicPartition, Long> untilOf,
      Map<TopicPartition, List<ConsumerRecord<K, V>>> records) {
    Consumer<K, V> reading = consumer();
    reading.assign(untilOf.keySet());
    reading.resume(reading.paused()); // a partition kept in the assignment keeps its pause from the last batch
    Map<TopicPartition, Long> earliest = reading.beginningOffsets(untilOf.keySet());
    Set<TopicPartition> remaining = new HashSet<>();
    for (OffsetRange range : ranges) {
      TopicPartition tp = range.topicPartition();
      // a replayed range may start before what retention has left: the policy decides
      long from = range.from() < earliest.get(tp)
          ? Math.min(range.until(), onOutOfRange.resolve(sourceId, tp, range.from(), earliest.get(tp), range.until()))
          : range.from();
      if (from < range.until()) {
        reading.seek(tp, from);
        remaining.add(tp);
      }
    }
    reading.pause(untilOf.keySet().stream().filter(tp -> !remaining.contains(tp)).toList());
    long lastProgress = System.nanoTime();
    while (!remaining.isEmpty()) {
      ConsumerRecords<K, V> polled = reading.poll(POLL);
      for (TopicPartition tp : polled.partitions()) {
        long until = untilOf.get(tp);
        for (ConsumerRecord<K, V> record : polled.records(tp)) {
          if (record.offset() < until) {
            records.get(tp).add(record);
          }
        }
      }
      List<TopicPartition> done = remaining.stream().filter(tp -> reading.position(tp) >= untilOf.get(tp)).toList();
      if (!done.isEmpty() || !polled.isEmpty()) {
        lastProgress = System.nanoTime();
      }
      done.forEach(remaining::remove);
      reading.pause(done);
      if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
        throw new IllegalStateException("Kafka source '" + sourceId + "' read nothing for " + stallTimeout.toSeconds()
            + " s while " + remaining.size() + " partitions of the batch were still unread, among them "
            + remaining.iterator().next() + " at offset " + reading.position(remaining.iterator().next()) + " of "
            + untilOf.get(remaining.iterator().next()) + ": is the broker reachable?");
      }
    }
  }

  private Consumer<K, V> consumer() {
    if (consumer == null) {
      consumer = consumers.get();
    }
    return consumer;
  }

  @Override
  public synchronized void close() {
    if (consumer != null) {
      consumer.close();
      consumer = null;
    }
  }
}
