package org.gridmap.locate;

import org.locationtech.jts.geom.Geometry;

/**
 * The current boundary of one area, as the index takes it: a Polygon or MultiPolygon in EPSG:4326
 * with lon/lat axis order. {@code parentCode} links it into the hierarchy (null at the top); {@code
 * version} is the area's boundary version ({@code area.version}), stored with assignments.
 */
public record Boundary(
    String code, String name, String level, String parentCode, Geometry geometry, int version) {

  /** A boundary at version 1 (fixtures and generated data). */
  public Boundary(String code, String name, String level, String parentCode, Geometry geometry) {
    this(code, name, level, parentCode, geometry, 1);
  }
}
