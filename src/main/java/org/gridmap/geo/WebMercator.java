package org.gridmap.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Spherical Web Mercator (EPSG:3857), the projection of web-map tiles: lon/lat in degrees to x/y in
 * "Mercator metres" on a sphere of radius 6,378,137 m. These are not ground metres: a Mercator
 * metre is {@code cos(lat)} ground metres (about 0.8 at lat 36.6°). Latitudes beyond ±85.0511° (the
 * square world of the tiles) are clamped.
 */
public final class WebMercator {
  public static final double RADIUS_M = 6_378_137.0;

  /** Half the width of the square world, in Mercator metres: x and y lie in ±this. */
  public static final double HALF_WORLD_M = Math.PI * RADIUS_M;

  /** The latitude at which the square world ends. */
  public static final double MAX_LAT = 85.05112877980659;

  private WebMercator() {}

  public static double x(double lon) {
    return Math.toRadians(lon) * RADIUS_M;
  }

  public static double y(double lat) {
    double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * RADIUS_M;
  }

  public static double lon(double x) {
    return Math.toDegrees(x / RADIUS_M);
  }

  public static double lat(double y) {
    return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS_M)) - Math.PI / 2);
  }

  /** Mercator metres per screen pixel at a zoom level, for 256-pixel tiles. */
  public static double metresPerPixel(int zoom) {
    return 2 * HALF_WORLD_M / 256 / Math.pow(2, zoom);
  }

  /** A copy of a lon/lat geometry with every coordinate in Mercator metres. */
  public static Geometry project(Geometry lonLat) {
    Geometry copy = lonLat.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int k) {
            Coordinate c = seq.getCoordinate(k);
            seq.setOrdinate(k, 0, x(c.x));
            seq.setOrdinate(k, 1, y(c.y));
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return copy;
  }
}
