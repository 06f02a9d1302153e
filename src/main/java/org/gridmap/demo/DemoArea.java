package org.gridmap.demo;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * One generated demo area. The boundary is a valid MultiPolygon in EPSG:4326, lon/lat, with every
 * coordinate already rounded to 7 decimals, so it is written to GeoJSON without further rounding
 * and neighbours keep their shared vertices bit for bit. {@code parentCode} is null for a town.
 */
public record DemoArea(
    String code,
    String name,
    String nameEn,
    String level,
    String parentCode,
    String kind,
    MultiPolygon boundary) {

  public static final String TOWN = "town";
  public static final String COMMUNITY = "community";
  public static final String GRID = "grid";
}
