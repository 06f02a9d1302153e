package org.gridmap.analytics;

/**
 * One square cell of a {@link CellGrid}: column {@code i} and row {@code j} counted from the
 * Web-Mercator origin, so that the cell covers x in [i·size, (i+1)·size) and y in [j·size,
 * (j+1)·size). Rows grow northwards. These are the indices PostGIS's {@code ST_SquareGrid} gives
 * the same cells.
 */
public record Cell(int i, int j) {
  public static Cell of(int i, int j) {
    return new Cell(i, j);
  }

  /** The cell's id in answers: {@code zoom/i/j}. */
  public String id(int zoom) {
    return zoom + "/" + i + "/" + j;
  }
}
