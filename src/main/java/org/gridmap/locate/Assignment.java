package org.gridmap.locate;

import java.util.List;

/**
 * The answer to "which grid is this point in?". Coordinates are WGS84 lon/lat; distances are
 * metres.
 *
 * @param path the areas containing the point from the top of the hierarchy down (empty outside
 *     every area)
 * @param grid the area of the grid level on the path, or null when the point is in no grid
 * @param outside true when no area of any level contains the point
 * @param ambiguous true when another grid (or, outside all grids, any grid) lies within the
 *     tolerance: such points are where routing goes wrong in practice
 * @param candidates those grids with their distances, nearest first (empty unless ambiguous)
 * @param distanceToBoundaryM distance from the point to the boundary of its grid; null without a
 *     grid
 * @param nearest without a grid: the nearest grid and its distance; null otherwise
 */
public record Assignment(
    double lon,
    double lat,
    List<AreaRef> path,
    AreaRef grid,
    boolean outside,
    boolean ambiguous,
    List<Candidate> candidates,
    Double distanceToBoundaryM,
    Candidate nearest) {

  /** One area as named in answers. */
  public record AreaRef(String level, String code, String name) {}

  /** A grid near the point and its distance in metres (0 when the point is on it). */
  public record Candidate(AreaRef area, double distanceM) {}

  /** The code of the path's area at {@code level}, or null. */
  public String codeAt(String level) {
    for (AreaRef a : path) {
      if (a.level().equals(level)) {
        return a.code();
      }
    }
    return null;
  }
}
