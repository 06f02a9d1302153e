package org.gridmap.locate;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * The boundary of one area prepared for fast point tests: its polygons as flat lon/lat arrays,
 * without a JTS {@code Point} or any allocation per test for polygons of up to {@value
 * #LINEAR_SCAN_MAX} segments (larger ones use JTS's {@link IndexedPointInAreaLocator}).
 *
 * <p>The test is JTS's ray-crossing rule with its robust orientation predicate, so a point that
 * lies exactly on an edge or a vertex is reported as {@link Location#BOUNDARY}, never as inside or
 * outside by rounding. Each polygon of a multipolygon counts on its own: a point inside any part is
 * {@link Location#INTERIOR} (which is the usual rule for valid multipolygons and what the data
 * means when parts overlap); a point in a hole is {@link Location#EXTERIOR}.
 *
 * <p>Distances are in metres on a local equirectangular plane centred at the point (lon scaled by
 * the cosine of the latitude): exact enough for grids (errors below 0.1% within tens of km).
 */
final class AreaShape {
  /** Polygons with more segments than this are tested through an interval index. */
  static final int LINEAR_SCAN_MAX = 64;

  private static final double METRES_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

  private final Envelope envelope;
  private final Part[] parts;
  private final int segments;

  /** One polygon of the area: its rings (shell first) as x,y pairs, and its bounding box. */
  private record Part(
      double minX,
      double minY,
      double maxX,
      double maxY,
      double[][] rings,
      IndexedPointInAreaLocator indexed) {}

  AreaShape(Geometry boundary) {
    this.envelope = boundary.getEnvelopeInternal();
    this.parts = new Part[boundary.getNumGeometries()];
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      Polygon polygon = (Polygon) boundary.getGeometryN(i);
      double[][] rings = new double[polygon.getNumInteriorRing() + 1][];
      rings[0] = flat(polygon.getExteriorRing());
      int partSegments = rings[0].length / 2 - 1;
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        rings[h + 1] = flat(polygon.getInteriorRingN(h));
        partSegments += rings[h + 1].length / 2 - 1;
      }
      Envelope e = polygon.getEnvelopeInternal();
      parts[i] =
          new Part(
              e.getMinX(),
              e.getMinY(),
              e.getMaxX(),
              e.getMaxY(),
              rings,
              partSegments > LINEAR_SCAN_MAX ? new IndexedPointInAreaLocator(polygon) : null);
      count += partSegments;
    }
    this.segments = count;
  }

  private static double[] flat(LinearRing ring) {
    CoordinateSequence seq = ring.getCoordinateSequence();
    double[] xy = new double[seq.size() * 2];
    for (int i = 0; i < seq.size(); i++) {
      xy[2 * i] = seq.getX(i);
      xy[2 * i + 1] = seq.getY(i);
    }
    return xy;
  }

  Envelope envelope() {
    return envelope;
  }

  int segments() {
    return segments;
  }

  /** Where the point lies: a {@link Location} constant (INTERIOR, BOUNDARY or EXTERIOR). */
  int locate(double x, double y) {
    int result = Location.EXTERIOR;
    for (Part p : parts) {
      if (x < p.minX || x > p.maxX || y < p.minY || y > p.maxY) {
        continue;
      }
      int loc = p.indexed != null ? p.indexed.locate(new Coordinate(x, y)) : scan(p.rings, x, y);
      if (loc == Location.INTERIOR) {
        return loc;
      }
      if (loc == Location.BOUNDARY) {
        result = loc;
      }
    }
    return result;
  }

  /**
   * JTS's {@code RayCrossingCounter} over all rings of one polygon: counts crossings of a ray from
   * the point towards +x; an upward edge includes its start and excludes its end, a downward edge
   * the reverse, so shared vertices are counted once.
   */
  private static int scan(double[][] rings, double x, double y) {
    int crossings = 0;
    for (double[] r : rings) {
      for (int i = 2; i < r.length; i += 2) {
        double x1 = r[i - 2];
        double y1 = r[i - 1];
        double x2 = r[i];
        double y2 = r[i + 1];
        if (x1 < x && x2 < x) {
          continue;
        }
        if (x == x2 && y == y2) {
          return Location.BOUNDARY;
        }
        if (y1 == y && y2 == y) {
          double min = Math.min(x1, x2);
          double max = Math.max(x1, x2);
          if (x >= min && x <= max) {
            return Location.BOUNDARY;
          }
          continue;
        }
        if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y)) {
          int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, x, y);
          if (orient == 0) {
            return Location.BOUNDARY;
          }
          if (y2 < y1) {
            orient = -orient;
          }
          if (orient > 0) {
            crossings++;
          }
        }
      }
    }
    return (crossings & 1) == 1 ? Location.INTERIOR : Location.EXTERIOR;
  }

  /** Receives the segments of an area's rings. */
  interface SegmentSink {
    void segment(double ax, double ay, double bx, double by);
  }

  void forEachSegment(SegmentSink sink) {
    for (Part p : parts) {
      for (double[] r : p.rings) {
        for (int i = 2; i < r.length; i += 2) {
          sink.segment(r[i - 2], r[i - 1], r[i], r[i + 1]);
        }
      }
    }
  }

  /** True when the point is inside or on the boundary. */
  boolean covers(double x, double y) {
    return locate(x, y) != Location.EXTERIOR;
  }

  /** Metres from the point to the nearest edge of the area (holes included). */
  double distanceToEdgeM(double lon, double lat) {
    double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
    double ky = METRES_PER_DEGREE;
    double best = Double.POSITIVE_INFINITY;
    for (Part p : parts) {
      for (double[] r : p.rings) {
        for (int i = 2; i < r.length; i += 2) {
          double ax = (r[i - 2] - lon) * kx;
          double ay = (r[i - 1] - lat) * ky;
          double bx = (r[i] - lon) * kx;
          double by = (r[i + 1] - lat) * ky;
          double d = segmentDistanceSq(ax, ay, bx, by);
          if (d < best) {
            best = d;
          }
        }
      }
    }
    return Math.sqrt(best);
  }

  /** Metres from the point to the area: 0 inside or on the boundary. */
  double distanceM(double lon, double lat) {
    return covers(lon, lat) ? 0 : distanceToEdgeM(lon, lat);
  }

  /** Squared distance from the origin to segment a-b. */
  private static double segmentDistanceSq(double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len = dx * dx + dy * dy;
    double t = len == 0 ? 0 : -(ax * dx + ay * dy) / len;
    if (t < 0) {
      t = 0;
    } else if (t > 1) {
      t = 1;
    }
    double px = ax + t * dx;
    double py = ay + t * dy;
    return px * px + py * py;
  }

  static double metresPerDegreeLat() {
    return METRES_PER_DEGREE;
  }
}
