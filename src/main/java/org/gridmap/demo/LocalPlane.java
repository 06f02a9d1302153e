package org.gridmap.demo;

import org.gridmap.geo.Reproject;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * An equirectangular plane around one town: x metres east and y metres north of ({@code lon0},
 * {@code lat0}), longitudes scaled by cos(lat0). Within the 20 km of a town the distortion is well
 * under 0.1 %, good enough for demo shapes and for areas in square metres; it is no projection for
 * anything larger.
 *
 * <p>Going to lon/lat always rounds to 7 decimals (about 1 cm): a vertex computed twice from the
 * same metres lands on the same stored coordinate.
 */
record LocalPlane(double lon0, double lat0) {

  /** Factory for geometries in plane metres; they carry no SRID. */
  static final GeometryFactory METRES = new GeometryFactory();

  private static final double SCALE = 1e7;

  static LocalPlane centredAt(double lon, double lat) {
    return new LocalPlane(lon, lat);
  }

  /** Rounds a longitude or latitude to 7 decimals, the precision of every stored coordinate. */
  static double round7(double degrees) {
    return Math.round(degrees * SCALE) / SCALE;
  }

  Coordinate toLonLat(Coordinate metres) {
    double lon = lon0 + StrictMath.toDegrees(metres.x / metresPerRadianEast());
    double lat = lat0 + StrictMath.toDegrees(metres.y / Wgs84.EARTH_RADIUS_M);
    return new Coordinate(round7(lon), round7(lat));
  }

  Coordinate toMetres(Coordinate lonLat) {
    double x = StrictMath.toRadians(lonLat.x - lon0) * metresPerRadianEast();
    double y = StrictMath.toRadians(lonLat.y - lat0) * Wgs84.EARTH_RADIUS_M;
    return new Coordinate(x, y);
  }

  /** A copy of a plane geometry in EPSG:4326 lon/lat, rounded to 7 decimals. */
  Geometry toLonLat(Geometry metres) {
    return Reproject.map(metres, Wgs84.FACTORY, this::toLonLat);
  }

  /** A copy of a lon/lat geometry in plane metres, e.g. to measure its area in m². */
  Geometry toMetres(Geometry lonLat) {
    return Reproject.map(lonLat, METRES, this::toMetres);
  }

  private double metresPerRadianEast() {
    return Wgs84.EARTH_RADIUS_M * StrictMath.cos(StrictMath.toRadians(lat0));
  }
}
