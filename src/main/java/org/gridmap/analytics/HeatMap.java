package org.gridmap.analytics;

import java.util.List;

/**
 * The answer of the heat layer: the events of a query counted per cell of {@code grid}, or — when
 * zoomed in far enough that there are few — the events themselves as {@code points} (then {@code
 * cells} is empty). {@code total} is the number of events counted, {@code maxCount} the largest
 * cell count.
 */
public record HeatMap(
    CellGrid grid, long total, long maxCount, List<CellCount> cells, List<EventPoint> points) {
  public boolean isPoints() {
    return !points.isEmpty();
  }
}
