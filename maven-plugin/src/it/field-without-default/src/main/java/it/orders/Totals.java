package it.orders;

import java.util.List;

/** 1.1: the largest order, a field checkpoints of 1.0 have no value for. Only checked, never run. */
public record Totals(long quantity, Channel lastChannel, long largest) {

  static Totals add(Totals previous, List<String> lines) {
    return previous;
  }
}
