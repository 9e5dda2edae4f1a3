package io.tidemark.internal.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Batches taken from an in-memory queue of collections, for tests and benchmarks: planning takes one
 * element (or all) off the queue and numbers it; reading looks the numbers up. Elements must not be
 * changed after they are queued.
 */
public final class QueueSource<T> implements InputSource<T, QueueSlice> {

  private final Queue<? extends Collection<T>> queue;
  private final boolean oneAtATime;
  private final List<T> defaultBatch;
  private final Map<Long, List<T>> taken = new ConcurrentHashMap<>();
  private long nextIndex;

  /** @param defaultBatch what a batch gets when the queue is empty (null: an empty batch) */
  public QueueSource(Queue<? extends Collection<T>> queue, boolean oneAtATime, List<T> defaultBatch) {
    this.queue = queue;
    this.oneAtATime = oneAtATime;
    this.defaultBatch = defaultBatch;
  }

  @Override
  public String kind() {
    return "queue";
  }

  @Override
  public QueueSlice plan(long batchTimeMillis) {
    long from = nextIndex;
    synchronized (queue) {
      do {
        Collection<T> element = queue.poll();
        if (element == null) {
          break;
        }
        taken.put(nextIndex++, asList(element));
      } while (!oneAtATime);
    }
    return new QueueSlice(from, nextIndex, from == nextIndex && defaultBatch != null);
  }

  private static <T> List<T> asList(Collection<T> element) {
    return element instanceof List<T> list ? list : new ArrayList<>(element);
  }

  @Override
  public QueuePosition position() {
    return new QueuePosition(nextIndex);
  }

  /**
   * An in-memory queue does not survive its JVM: this works only when the restarted pipeline's queue
   * holds the same elements again, from the first (as an in-process restart in a test can arrange).
   * Takes the elements the checkpointed source had taken, keeping those the replayed batches read.
   */
  @Override
  public void resume(SourcePosition position, List<QueueSlice> replayed) {
    long taken = ((QueuePosition) position).nextIndex();
    synchronized (queue) {
      for (; nextIndex < taken; nextIndex++) {
        Collection<T> element = queue.poll();
        if (element == null) {
          break;
        }
        long index = nextIndex;
        if (replayed.stream().anyMatch(slice -> slice.fromIndex() <= index && index < slice.toIndex())) {
          this.taken.put(index, asList(element));
        }
      }
    }
    nextIndex = taken;
  }

  @Override
  public List<T> read(QueueSlice slice) {
    if (slice.defaultBatch()) {
      return defaultBatch;
    }
    if (slice.toIndex() - slice.fromIndex() == 1) {
      return element(slice.fromIndex());
    }
    List<T> all = new ArrayList<>();
    for (long i = slice.fromIndex(); i < slice.toIndex(); i++) {
      all.addAll(element(i));
    }
    return all;
  }

  private List<T> element(long index) {
    List<T> element = taken.get(index);
    if (element == null) {
      throw new IllegalStateException("Queue element " + index + " was released or never taken; an in-memory queue"
          + " cannot be replayed");
    }
    return element;
  }

  @Override
  public void release(QueueSlice slice) {
    for (long i = slice.fromIndex(); i < slice.toIndex(); i++) {
      taken.remove(i);
    }
  }

  /** The elements still queued, not yet taken by a batch. */
  public int queued() {
    synchronized (queue) {
      return queue.size();
    }
  }

  @Override
  public boolean hasUnplannedData() {
    synchronized (queue) {
      return !queue.isEmpty();
    }
  }
}
