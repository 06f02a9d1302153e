package org.gridmap.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Simplifies boundaries for display: a tolerance in metres, or one derived from a web-map zoom
 * level (half a pixel of a 256-pixel tile at the equator: 0.3 m at zoom 18, 300 m at zoom 8).
 *
 * <p>The tolerance is applied in degrees, with one degree counted as 111,320 m (a degree of
 * latitude). East–west a degree is shorter by cos(latitude), so the real deviation is at most the
 * tolerance, never more. Each geometry is simplified on its own with topology preserved (no
 * self-intersections, no collapsed rings), so neighbouring grids may show slivers or small overlaps
 * along shared edges at coarse tolerances. Points are returned as they are.
 */
public record Simplification(double toleranceMetres) {

  /** Metres per degree of latitude, the conversion used for tolerances. */
  public static final double METRES_PER_DEGREE = 111_320;

  /** Highest zoom level accepted by {@link #forZoom}. */
  public static final int MAX_ZOOM = 24;

  public static final Simplification NONE = new Simplification(0);

  public Simplification {
    if (!Double.isFinite(toleranceMetres) || toleranceMetres < 0) {
      throw new IllegalArgumentException("tolerance must be zero or more metres");
    }
  }

  public static Simplification ofMetres(double metres) {
    return new Simplification(metres);
  }

  /** Half the size of a pixel at this zoom level (256-pixel tiles, Web Mercator, equator). */
  public static Simplification forZoom(int zoom) {
    if (zoom < 0 || zoom > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom must be between 0 and " + MAX_ZOOM);
    }
    double pixelMetres = 2 * Math.PI * 6_378_137 / 256 / Math.pow(2, zoom);
    return new Simplification(pixelMetres / 2);
  }

  public boolean isNone() {
    return toleranceMetres == 0;
  }

  public double toleranceDegrees() {
    return toleranceMetres / METRES_PER_DEGREE;
  }

  /**
   * The simplified geometry, of the same type (a MultiPolygon stays a MultiPolygon even when JTS
   * hands back its only polygon); the same instance when there is nothing to do.
   */
  public Geometry apply(Geometry geometry) {
    if (isNone() || geometry == null || geometry instanceof Puntal) {
      return geometry;
    }
    Geometry simplified = TopologyPreservingSimplifier.simplify(geometry, toleranceDegrees());
    if (geometry instanceof MultiPolygon && simplified instanceof Polygon p) {
      return geometry.getFactory().createMultiPolygon(new Polygon[] {p});
    }
    if (geometry instanceof MultiLineString && simplified instanceof LineString l) {
      return geometry.getFactory().createMultiLineString(new LineString[] {l});
    }
    return simplified;
  }
}
