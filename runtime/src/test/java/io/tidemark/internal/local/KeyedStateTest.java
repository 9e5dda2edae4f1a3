package io.tidemark.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedStateTest {

  @Test
  void stateWrittenAtOneParallelismRestoresIntoAnother() {
    KeyedState<String, Integer> before = new KeyedState<>(3);
    for (int i = 0; i < 100; i++) {
      before.put("key" + i, i);
    }
    KeyedState<String, Integer> after = new KeyedState<>(5);
    before.forEach(after::put);

    Map<String, Integer> all = new HashMap<>();
    after.forEach(all::put);
    assertThat(all).hasSize(100).containsEntry("key42", 42);
    assertThat(after.size()).isEqualTo(100);
    for (int p = 0; p < after.partitionCount(); p++) {
      int partition = p;
      assertThat(after.partition(p).keySet())
          .allSatisfy(key -> assertThat(HashPartitioner.partitionOf(key, 5)).isEqualTo(partition));
    }
  }
}
