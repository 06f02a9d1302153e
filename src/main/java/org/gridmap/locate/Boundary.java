package org.gridmap.locate;

import org.locationtech.jts.geom.Geometry;

/**
 * The current boundary of one area, as the index takes it: a Polygon or MultiPolygon in EPSG:4326
 * with lon/lat axis order. {@code parentCode} links it into the hierarchy (null at the top).
 */
public record Boundary(
    String code, String name, String level, String parentCode, Geometry geometry) {}
