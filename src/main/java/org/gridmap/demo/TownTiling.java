package org.gridmap.demo;

import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * A town cut into grid cells that tile it exactly: cell {@code i} grew around {@code seeds.get(i)}
 * and touches the cells in {@code neighbours.get(i)} along at least one shared segment.
 *
 * @param seeds in the town's {@link LocalPlane}, metres
 * @param cells EPSG:4326 lon/lat, 7 decimals, exterior ring counter-clockwise; neighbouring cells
 *     have identical vertices along their shared edges (no T-junctions), so a point on a shared
 *     edge or vertex lies on the boundary of every cell that meets there
 */
record TownTiling(List<Coordinate> seeds, List<Polygon> cells, List<Set<Integer>> neighbours) {}
