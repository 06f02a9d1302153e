package org.gridmap.geo;

import java.util.ArrayList;
import java.util.List;
import org.gridmap.error.DomainException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks that a geometry read from a file can be an area boundary, and says exactly what is wrong
 * when it cannot: the {@link Defect} and the lon/lat of the offending point where there is one.
 *
 * <p>Coordinates are first converted from the file's CRS to WGS84 lon/lat (a coordinate outside the
 * CRS's valid range is a defect). The structure is then checked on the raw coordinate arrays — JTS
 * refuses to build an unclosed ring or a ring of fewer than four points, so those are found before
 * any geometry exists — together with zero-width spikes. Only then is the geometry built and handed
 * to JTS's {@link IsValidOp} (OGC validity: no self-intersection, no self-touching ring, holes
 * inside their shell and not nested, a connected interior, parts of a MultiPolygon that neither
 * overlap nor share an edge).
 *
 * <p>Empty holes and empty parts carry no points and are dropped; a geometry that is empty as a
 * whole is a defect. Not thread-safe (it holds a CRS transformer): one per import.
 */
public final class BoundaryValidator {

  /** What can be wrong with a boundary; {@code repairable} ones may be fixed by the repair. */
  public enum Defect {
    NOT_POLYGON("not_polygon", false),
    EMPTY("empty", false),
    MALFORMED("malformed_geometry", false),
    INVALID_COORDINATE("invalid_coordinate", false),
    OUT_OF_RANGE("coordinate_out_of_range", false),
    TOO_FEW_POINTS("too_few_points", true),
    UNCLOSED_RING("unclosed_ring", true),
    SELF_INTERSECTION("self_intersection", true),
    SPIKE("spike", true),
    RING_SELF_TOUCH("ring_self_touch", true),
    HOLE_OUTSIDE_SHELL("hole_outside_shell", true),
    NESTED_HOLES("nested_holes", true),
    DISCONNECTED_INTERIOR("disconnected_interior", true),
    DUPLICATE_RINGS("duplicate_rings", true),
    OVERLAPPING_PARTS("overlapping_parts", true),
    ADJACENT_PARTS("adjacent_parts", true);

    public final String code;
    public final boolean repairable;

    Defect(String code, boolean repairable) {
      this.code = code;
      this.repairable = repairable;
    }
  }

  /** One thing wrong with a geometry; {@code location} is lon, lat, or null when there is none. */
  public record Finding(Defect defect, String message, double[] location) {}

  /**
   * The outcome of a check. {@code boundary} is the valid MultiPolygon (EPSG:4326) or null; {@code
   * lonLat} is the input converted to lon/lat with empty parts dropped (null when coordinates could
   * not be converted), which is what a repair starts from.
   */
  public record Checked(MultiPolygon boundary, List<Finding> findings, RawGeometry lonLat) {
    public boolean valid() {
      return findings.isEmpty();
    }

    /** True when every finding is of a kind the repair may fix. */
    public boolean repairable() {
      return lonLat != null && findings.stream().allMatch(f -> f.defect().repairable);
    }
  }

  private final Crs crs;
  private final Crs.ToWgs84 toWgs84;
  private final double[] out = new double[2];

  public BoundaryValidator(Crs crs) {
    this.crs = crs;
    this.toWgs84 = crs.transformer();
  }

  public Checked check(RawGeometry raw) {
    if (raw.malformed() != null) {
      return failed(Defect.MALFORMED, "the geometry cannot be read: " + raw.malformed(), null);
    }
    if (raw.type() == null) {
      return failed(Defect.EMPTY, "the feature has no geometry", null);
    }
    if (!raw.isPolygonal()) {
      return failed(
          Defect.NOT_POLYGON,
          "a " + raw.type() + " is not an area; a boundary must be a Polygon or MultiPolygon",
          lonLatOrNull(raw.firstPosition()));
    }
    List<List<double[]>> polygons = new ArrayList<>();
    for (List<double[]> rings : raw.polygons()) {
      if (rings.isEmpty() || rings.get(0).length == 0) {
        continue; // an empty polygon: nothing to keep
      }
      List<double[]> converted = new ArrayList<>();
      for (double[] ring : rings) {
        if (ring.length == 0) {
          continue; // an empty hole
        }
        double[] lonLat = new double[ring.length];
        Finding wrong = convert(ring, lonLat);
        if (wrong != null) {
          return new Checked(null, List.of(wrong), null);
        }
        converted.add(lonLat);
      }
      polygons.add(converted);
    }
    RawGeometry lonLat =
        new RawGeometry(raw.type(), polygons, raw.firstPosition(), raw.malformed());
    if (polygons.isEmpty()) {
      return new Checked(
          null, List.of(new Finding(Defect.EMPTY, "the geometry is empty", null)), null);
    }
    List<Finding> findings = structure(polygons);
    if (!findings.isEmpty()) {
      return new Checked(null, findings, lonLat);
    }
    MultiPolygon boundary = build(polygons);
    Finding invalid = validity(boundary);
    return invalid == null
        ? new Checked(boundary, List.of(), lonLat)
        : new Checked(null, List.of(invalid), lonLat);
  }

  private Finding convert(double[] ring, double[] lonLat) {
    for (int i = 0; i < ring.length; i += 2) {
      double x = ring[i];
      double y = ring[i + 1];
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        return new Finding(
            Defect.INVALID_COORDINATE,
            "coordinate (" + x + ", " + y + ") is not a pair of finite numbers",
            null);
      }
      try {
        toWgs84.apply(x, y, out);
      } catch (DomainException e) {
        return new Finding(
            Defect.OUT_OF_RANGE,
            "coordinate ("
                + x
                + ", "
                + y
                + ") is outside the valid range of "
                + crs.name()
                + "; is the coordinate system right?",
            null);
      }
      lonLat[i] = out[0];
      lonLat[i + 1] = out[1];
    }
    return null;
  }

  /** Unclosed rings, rings of too few points and zero-width spikes, every one of them. */
  private static List<Finding> structure(List<List<double[]>> polygons) {
    List<Finding> findings = new ArrayList<>();
    for (int p = 0; p < polygons.size(); p++) {
      List<double[]> rings = polygons.get(p);
      for (int r = 0; r < rings.size(); r++) {
        double[] ring = rings.get(r);
        String which = ringName(polygons.size(), p, r);
        int n = ring.length / 2;
        boolean closed = n >= 2 && ring[0] == ring[2 * n - 2] && ring[1] == ring[2 * n - 1];
        if (!closed) {
          findings.add(
              new Finding(
                  Defect.UNCLOSED_RING,
                  which
                      + " is not closed: it starts at "
                      + point(ring, 0)
                      + " and ends at "
                      + point(ring, n - 1),
                  new double[] {ring[2 * n - 2], ring[2 * n - 1]}));
        }
        double[] distinct = distinctVertices(ring);
        if (distinct.length / 2 < 3 || (closed && n < 4)) {
          findings.add(
              new Finding(
                  Defect.TOO_FEW_POINTS,
                  which
                      + " has "
                      + distinct.length / 2
                      + " distinct point(s); a ring needs at least 3",
                  new double[] {ring[0], ring[1]}));
          continue;
        }
        for (double[] tip : spikes(distinct)) {
          findings.add(
              new Finding(Defect.SPIKE, which + " turns back on itself (a zero-width spike)", tip));
        }
      }
    }
    return findings;
  }

  /** The vertices of a ring without consecutive repeats and without the closing point. */
  private static double[] distinctVertices(double[] ring) {
    int n = ring.length / 2;
    double[] v = new double[ring.length];
    int k = 0;
    for (int i = 0; i < n; i++) {
      double x = ring[2 * i];
      double y = ring[2 * i + 1];
      if (k > 0 && v[2 * k - 2] == x && v[2 * k - 1] == y) {
        continue;
      }
      v[2 * k] = x;
      v[2 * k + 1] = y;
      k++;
    }
    while (k > 1 && v[0] == v[2 * k - 2] && v[1] == v[2 * k - 1]) {
      k--;
    }
    return java.util.Arrays.copyOf(v, 2 * k);
  }

  /** Vertices where the ring goes back along the line it came on. */
  private static List<double[]> spikes(double[] v) {
    int n = v.length / 2;
    List<double[]> tips = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int a = (i + n - 1) % n;
      int c = (i + 1) % n;
      double ux = v[2 * i] - v[2 * a];
      double uy = v[2 * i + 1] - v[2 * a + 1];
      double wx = v[2 * c] - v[2 * i];
      double wy = v[2 * c + 1] - v[2 * i + 1];
      if (ux * wy - uy * wx == 0 && ux * wx + uy * wy < 0) {
        tips.add(new double[] {v[2 * i], v[2 * i + 1]});
      }
    }
    return tips;
  }

  /** Builds the MultiPolygon of rings that are known to be closed and long enough. */
  static MultiPolygon build(List<List<double[]>> polygons) {
    Polygon[] parts = new Polygon[polygons.size()];
    for (int p = 0; p < parts.length; p++) {
      List<double[]> rings = polygons.get(p);
      LinearRing shell = ring(rings.get(0));
      LinearRing[] holes = new LinearRing[rings.size() - 1];
      for (int h = 1; h < rings.size(); h++) {
        holes[h - 1] = ring(rings.get(h));
      }
      parts[p] = Wgs84.FACTORY.createPolygon(shell, holes);
    }
    return Wgs84.FACTORY.createMultiPolygon(parts);
  }

  private static LinearRing ring(double[] packed) {
    Coordinate[] c = new Coordinate[packed.length / 2];
    for (int i = 0; i < c.length; i++) {
      c[i] = new Coordinate(packed[2 * i], packed[2 * i + 1]);
    }
    return Wgs84.FACTORY.createLinearRing(c);
  }

  /** The OGC validity of a built boundary, classified; null when valid. */
  static Finding validity(MultiPolygon boundary) {
    TopologyValidationError error = new IsValidOp(boundary).getValidationError();
    if (error == null) {
      return null;
    }
    int type = error.getErrorType();
    boolean partsConflict =
        type == TopologyValidationError.SELF_INTERSECTION
            || type == TopologyValidationError.NESTED_SHELLS
            || type == TopologyValidationError.DUPLICATE_RINGS;
    if (partsConflict && boundary.getNumGeometries() > 1) {
      for (int i = 0; i < boundary.getNumGeometries(); i++) {
        Polygon part = (Polygon) boundary.getGeometryN(i);
        Finding own = validity(Wgs84.FACTORY.createMultiPolygon(new Polygon[] {part}));
        if (own != null) {
          return own;
        }
      }
      return partsOverlapOrTouch(boundary, error.getCoordinate());
    }
    Coordinate at = error.getCoordinate();
    double[] location = at == null ? null : new double[] {at.x, at.y};
    return switch (type) {
      case TopologyValidationError.HOLE_OUTSIDE_SHELL ->
          new Finding(Defect.HOLE_OUTSIDE_SHELL, "a hole lies outside its shell", location);
      case TopologyValidationError.NESTED_HOLES ->
          new Finding(Defect.NESTED_HOLES, "a hole lies inside another hole", location);
      case TopologyValidationError.DISCONNECTED_INTERIOR ->
          new Finding(Defect.DISCONNECTED_INTERIOR, "holes cut the interior into pieces", location);
      case TopologyValidationError.RING_SELF_INTERSECTION ->
          new Finding(Defect.RING_SELF_TOUCH, "a ring touches itself", location);
      case TopologyValidationError.DUPLICATE_RINGS ->
          new Finding(Defect.DUPLICATE_RINGS, "two rings are identical", location);
      case TopologyValidationError.TOO_FEW_POINTS ->
          new Finding(Defect.TOO_FEW_POINTS, "a ring has too few distinct points", location);
      case TopologyValidationError.INVALID_COORDINATE ->
          new Finding(Defect.INVALID_COORDINATE, "a coordinate is not a number", location);
      case TopologyValidationError.RING_NOT_CLOSED ->
          new Finding(Defect.UNCLOSED_RING, "a ring is not closed", location);
      default ->
          new Finding(
              Defect.SELF_INTERSECTION, "the boundary crosses or overlaps itself", location);
    };
  }

  private static Finding partsOverlapOrTouch(MultiPolygon boundary, Coordinate at) {
    double[] location = at == null ? null : new double[] {at.x, at.y};
    for (int i = 0; i < boundary.getNumGeometries(); i++) {
      Geometry a = boundary.getGeometryN(i);
      for (int j = i + 1; j < boundary.getNumGeometries(); j++) {
        Geometry b = boundary.getGeometryN(j);
        if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())
            && OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea() > 0) {
          return new Finding(
              Defect.OVERLAPPING_PARTS,
              "parts " + (i + 1) + " and " + (j + 1) + " of the MultiPolygon overlap",
              location);
        }
      }
    }
    return new Finding(
        Defect.ADJACENT_PARTS,
        "parts of the MultiPolygon share an edge (they should be one polygon)",
        location);
  }

  private Checked failed(Defect defect, String message, double[] location) {
    return new Checked(null, List.of(new Finding(defect, message, location)), null);
  }

  /** Converts a single position for a location, or null when it cannot be converted. */
  private double[] lonLatOrNull(double[] xy) {
    if (xy == null || !Double.isFinite(xy[0]) || !Double.isFinite(xy[1])) {
      return null;
    }
    try {
      toWgs84.apply(xy[0], xy[1], out);
      return new double[] {out[0], out[1]};
    } catch (DomainException e) {
      return null;
    }
  }

  private static String ringName(int parts, int p, int r) {
    String ring = r == 0 ? "the shell" : "hole " + r;
    return parts > 1 ? ring + " of part " + (p + 1) : ring;
  }

  private static String point(double[] packed, int i) {
    return "(" + packed[2 * i] + ", " + packed[2 * i + 1] + ")";
  }
}
