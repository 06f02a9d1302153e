package org.gridmap.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Gi* over square cells with queen contiguity: the study area is every cell whose centre lies in a
 * given area (Web-Mercator metres) plus every cell that holds events; each cell's neighbourhood is
 * itself and the up to 8 cells around it that are in the study area, with binary weights. Pure
 * computation, no database.
 */
public final class HotspotAnalysis {
  /** The bounding range of a study area may hold at most this many cells (about 64 MB). */
  static final long MAX_RANGE_CELLS = 16_000_000;

  private HotspotAnalysis() {}

  /**
   * @param counts events per non-empty cell
   * @param studyArea the ground the statistic is about (in Mercator metres), typically the map view
   *     clipped to the caller's areas; its empty cells count as zeros
   */
  public static Hotspots of(CellGrid grid, Map<Cell, Long> counts, Geometry studyArea) {
    List<Cell> study = new ArrayList<>(grid.cellsWithCentreIn(studyArea));
    study.addAll(counts.keySet());
    if (study.isEmpty()) {
      return new Hotspots(grid, 0, 0, 0, 0, List.of());
    }
    // a dense index over the cells' bounding range, with a free border for the neighbours
    int iMin = Integer.MAX_VALUE;
    int jMin = Integer.MAX_VALUE;
    int iMax = Integer.MIN_VALUE;
    int jMax = Integer.MIN_VALUE;
    for (Cell c : study) {
      iMin = Math.min(iMin, c.i());
      jMin = Math.min(jMin, c.j());
      iMax = Math.max(iMax, c.i());
      jMax = Math.max(jMax, c.j());
    }
    int width = iMax - iMin + 3;
    long size = (long) width * (jMax - jMin + 3);
    if (size > MAX_RANGE_CELLS) {
      throw new IllegalArgumentException("the study area spans too many cells: " + size);
    }
    int[] slot = new int[(int) size];
    List<Cell> unique = new ArrayList<>(study.size());
    for (Cell c : study) {
      int at = (c.j() - jMin + 1) * width + (c.i() - iMin + 1);
      if (slot[at] == 0) {
        unique.add(c);
        slot[at] = unique.size(); // index + 1; 0 = not in the study area
      }
    }
    study = unique;
    int n = study.size();
    double[] values = new double[n];
    int[][] neighbours = new int[n][];
    int[] found = new int[8];
    for (int k = 0; k < n; k++) {
      Cell c = study.get(k);
      values[k] = counts.getOrDefault(c, 0L);
      int centre = (c.j() - jMin + 1) * width + (c.i() - iMin + 1);
      int m = 0;
      for (int dj = -1; dj <= 1; dj++) {
        for (int di = -1; di <= 1; di++) {
          int other = slot[centre + dj * width + di];
          if (other != 0 && (di != 0 || dj != 0)) {
            found[m++] = other - 1;
          }
        }
      }
      neighbours[k] = Arrays.copyOf(found, m);
    }
    double[] z = GetisOrd.giStar(values, neighbours);
    double sum = 0;
    double sumSq = 0;
    for (double v : values) {
      sum += v;
      sumSq += v * v;
    }
    double mean = n == 0 ? 0 : sum / n;
    double sd = n == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    List<Hotspots.HotCell> cells = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      HotspotClass cls = HotspotClass.ofZ(z[k]);
      if (values[k] > 0 || cls.isSignificant()) {
        cells.add(new Hotspots.HotCell(study.get(k), (long) values[k], z[k], cls));
      }
    }
    return new Hotspots(grid, n, (long) sum, mean, sd, cells);
  }
}
