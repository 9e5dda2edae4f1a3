package io.tidemark.internal.sink;

import io.tidemark.function.BatchTime;
import java.io.PrintStream;
import java.util.List;

/** Prints the first elements of each batch under a header with the batch time, in Spark's format. */
public final class PrintSink<T> implements DriverSink<T> {

  private static final String RULE = "-------------------------------------------";

  private final int count;
  private final PrintStream out;

  public PrintSink(int count, PrintStream out) {
    if (count < 1) {
      throw new IllegalArgumentException("print needs a positive number of elements, got " + count);
    }
    this.count = count;
    this.out = out;
  }

  @Override
  public void write(BatchTime time, List<T> batch) {
    StringBuilder text = new StringBuilder();
    text.append(RULE).append('\n').append("Time: ").append(time).append('\n').append(RULE).append('\n');
    batch.stream().limit(count).forEach(element -> text.append(element).append('\n'));
    if (batch.size() > count) {
      text.append("...\n");
    }
    text.append('\n');
    out.print(text);
    out.flush();
  }
}
