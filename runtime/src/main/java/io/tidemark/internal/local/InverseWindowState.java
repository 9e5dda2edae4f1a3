package io.tidemark.internal.local;

import io.tidemark.function.KV;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * One partition of an incremental window: the current windowed value per key, and each batch's partial
 * (its values reduced per key), kept by batch time until that batch leaves the window and its partial is
 * subtracted with the inverse function.
 */
public final class InverseWindowState<K, V> {

  private final HashMap<K, V> window = new HashMap<>();
  private final TreeMap<Long, HashMap<K, V>> partials = new TreeMap<>();

  /** Adds the partial of the batch at {@code batchTime} to the window. */
  void enter(long batchTime, HashMap<K, V> partial, BinaryOperator<V> reduce) {
    partials.put(batchTime, partial);
    partial.forEach((key, value) -> window.merge(key, value, reduce));
  }

  /** Subtracts the partials of the batches at or before {@code lastLeavingTime} and forgets them. */
  void leave(long lastLeavingTime, BinaryOperator<V> inverse) {
    NavigableMap<Long, HashMap<K, V>> leaving = partials.headMap(lastLeavingTime, true);
    leaving.values().forEach(partial -> partial.forEach(
        (key, value) -> window.computeIfPresent(key, (k, current) -> inverse.apply(current, value))));
    leaving.clear();
  }

  /** Drops the keys the filter rejects (e.g. counts back to 0) and returns the rest as pairs. */
  List<KV<K, V>> retainAndList(Predicate<? super KV<K, V>> keep) {
    List<KV<K, V>> pairs = new ArrayList<>(window.size());
    window.entrySet().removeIf(entry -> {
      KV<K, V> pair = new KV<>(entry.getKey(), entry.getValue());
      if (keep.test(pair)) {
        pairs.add(pair);
        return false;
      }
      return true;
    });
    return pairs;
  }

  public HashMap<K, V> window() {
    return window;
  }

  /** Partials by batch time, oldest first: the batches still inside the window. */
  public NavigableMap<Long, HashMap<K, V>> partials() {
    return partials;
  }
}
