package org.gridmap.area;

/**
 * Assigns a point (EPSG:4326, lon then lat) to the grid that contains it, with the one boundary
 * rule of the project (see the README): inside a grid → that grid; exactly on an edge or vertex
 * shared by several grids → the one with the smallest code; in a hole → not in that polygon; on an
 * outer edge with no neighbour → that grid. Implementations: the in-memory index (fast, used by the
 * service) and {@link PostgisPointInGrid} (the same rule in SQL).
 */
public interface PointInGrid {
  GridAssignment assign(double lon, double lat);
}
