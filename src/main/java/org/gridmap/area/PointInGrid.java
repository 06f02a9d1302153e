package org.gridmap.area;

import org.gridmap.access.Scope;
import org.gridmap.error.DomainException;

/**
 * Assigns a point (EPSG:4326, lon then lat) to the grid that contains it, with the one boundary
 * rule of the project (see the README): inside a grid → that grid; exactly on an edge or vertex
 * shared by several grids → the one with the smallest code; in a hole → not in that polygon; on an
 * outer edge with no neighbour → that grid. Implementations: the in-memory index (fast, used by the
 * service) and {@link PostgisPointInGrid} (the same rule in SQL).
 */
public interface PointInGrid {
  GridAssignment assign(double lon, double lat);

  /**
   * The grid of a point that must lie in one inside the writer's scope (a building, a key place):
   * {@link OutsideCoverage} (422) when no grid covers it, 403 when its grid lies outside {@code
   * scope}.
   */
  default GridAssignment assignWithin(Scope scope, double lon, double lat) {
    GridAssignment grid = assign(lon, lat);
    if (grid.outside()) {
      throw new OutsideCoverage(lon, lat);
    }
    if (!scope.covers(grid.path())) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "forbidden",
          "The location lies in grid " + grid.gridCode() + ", outside your area scope");
    }
    return grid;
  }
}
