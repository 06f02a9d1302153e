package org.gridmap.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas of lon/lat geometries in square metres on the WGS84 ellipsoid. Vertices are mapped with
 * Lambert's cylindrical equal-area projection of the ellipsoid, which preserves area exactly, and
 * the polygon is measured there. Edges are straight lines in lon/lat, as they are for every JTS and
 * PostGIS {@code geometry} operation (intersection, difference), so the pieces of an overlay add
 * up; PostGIS {@code ST_Area(geography)} follows geodesic edges instead and differs on diagonal
 * edges by about 0.003 % for a block-sized polygon (0 on edges along meridians and parallels).
 */
public final class SquareMetres {
  private static final double A = 6_378_137.0;
  private static final double F = 1 / 298.257223563;
  private static final double E2 = F * (2 - F);
  private static final double E = Math.sqrt(E2);

  private SquareMetres() {}

  /** Area of the polygons in a geometry (points and lines have none), holes subtracted. */
  public static double of(Geometry lonLat) {
    double sum = 0;
    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
      Geometry part = lonLat.getGeometryN(i);
      if (part instanceof Polygon p) {
        if (p.isEmpty()) {
          continue;
        }
        sum += Math.abs(signed(p.getExteriorRing().getCoordinateSequence()));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          sum -= Math.abs(signed(p.getInteriorRingN(h).getCoordinateSequence()));
        }
      } else if (part != lonLat) {
        sum += of(part);
      }
    }
    return sum;
  }

  /**
   * Area enclosed by one ring given as packed lon/lat pairs {@code [lon0, lat0, lon1, lat1, ...]},
   * closed or not, counted positive whatever its orientation.
   */
  public static double ofRing(double[] packedLonLat) {
    int n = packedLonLat.length / 2;
    if (n < 3) {
      return 0;
    }
    double x0 = x(packedLonLat[0]);
    double y0 = y(packedLonLat[1]);
    double twice = 0;
    double px = 0;
    double py = 0;
    for (int i = 1; i <= n; i++) {
      int k = i % n;
      double cx = x(packedLonLat[2 * k]) - x0;
      double cy = y(packedLonLat[2 * k + 1]) - y0;
      twice += px * cy - cx * py;
      px = cx;
      py = cy;
    }
    return Math.abs(twice / 2);
  }

  private static double signed(CoordinateSequence ring) {
    int n = ring.size();
    if (n < 3) {
      return 0;
    }
    double x0 = x(ring.getX(0));
    double y0 = y(ring.getY(0));
    double twice = 0;
    double px = 0;
    double py = 0;
    for (int i = 1; i < n; i++) {
      double cx = x(ring.getX(i)) - x0;
      double cy = y(ring.getY(i)) - y0;
      twice += px * cy - cx * py;
      px = cx;
      py = cy;
    }
    return twice / 2;
  }

  private static double x(double lon) {
    return A * Math.toRadians(lon);
  }

  /** Northing of the cylindrical equal-area projection: a·q(φ)/2. */
  private static double y(double lat) {
    double s = Math.sin(Math.toRadians(lat));
    double q = (1 - E2) * (s / (1 - E2 * s * s) - Math.log((1 - E * s) / (1 + E * s)) / (2 * E));
    return A * q / 2;
  }
}
