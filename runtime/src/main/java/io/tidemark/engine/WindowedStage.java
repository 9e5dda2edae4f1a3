package io.tidemark.engine;

import java.time.Duration;
import java.util.List;

/**
 * A stage whose batch covers its parent's batches of the last {@link #windowLengthMillis()}, emitted
 * every slide. It must see every parent batch, not only the batches at which it emits.
 */
public abstract class WindowedStage<T> extends MaterializedStage<T> {

  private final Stage<?> parent;
  private final long lengthMillis;

  protected WindowedStage(Stage<?> parent, String id, String kind, Duration length, Duration slide) {
    super(parent.graph(), id, kind, checkedSlide(parent, id, length, slide), List.of(parent));
    this.parent = parent;
    this.lengthMillis = length.toMillis();
  }

  private static long checkedSlide(Stage<?> parent, String id, Duration length, Duration slide) {
    parent.graph().checkWindow(id, length, slide, parent);
    return slide.toMillis();
  }

  public final long windowLengthMillis() {
    return lengthMillis;
  }

  @Override
  protected final boolean runsAt(long batchTime) {
    return parent.isValidAt(batchTime);
  }
}
