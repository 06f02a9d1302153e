package org.gridmap.analytics;

import java.util.List;

/**
 * The Gi* answer: for the cells of {@code grid} in the study area, the count, z-score and class of
 * every cell that holds events or is significant. {@code studyCells} is n of the statistic (all
 * cells of the study area, empty ones included), {@code mean} and {@code sd} its X̄ and S.
 */
public record Hotspots(
    CellGrid grid, int studyCells, long total, double mean, double sd, List<HotCell> cells) {

  /** One cell of the answer. */
  public record HotCell(Cell cell, long count, double z, HotspotClass hotspotClass) {}

  /** The neighbourhood used, as stated in answers and in the map legend. */
  public static final String NEIGHBOURHOOD =
      "queen contiguity: the cell itself and its 8 surrounding cells, binary weights";

  public static final String METHOD = "Getis-Ord Gi*";
}
