package it.orders;

import java.util.List;

/** A customer's ordered quantity so far, and the channel of the last order. */
public record Totals(long quantity, Channel lastChannel) {

  static Totals add(Totals previous, List<String> orders) {
    Totals totals = previous == null ? new Totals(0, Channel.WEB) : previous;
    for (String order : orders) {
      String[] fields = order.split(",");
      totals = new Totals(totals.quantity() + Long.parseLong(fields[1]), Channel.valueOf(fields[2]));
    }
    return totals;
  }
}
