package org.gridmap.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Repairs an invalid boundary and measures what the repair changed. Unclosed rings are closed and
 * rings of fewer than three distinct points dropped (both on the raw coordinates, since JTS cannot
 * build them); the rest is JTS's {@link GeometryFixer}, which keeps every lobe of a self-crossing
 * ring, removes zero-width spikes, drops holes outside their shell and merges overlapping parts.
 * ({@code buffer(0)} is not used: it silently drops one lobe of a figure-eight.)
 *
 * <p>The area before is what the rings enclose as drawn (shells minus holes, each ring measured by
 * itself); a repair whose area differs from it by more than the allowed share is refused, because
 * then the repair has guessed what the boundary means rather than cleaned it.
 */
public final class BoundaryRepair {

  /**
   * A repair: the valid boundary (EPSG:4326, null when nothing would be left), the areas before and
   * after in m², and whether the change is within the allowed share.
   */
  public record Repaired(
      MultiPolygon boundary,
      double areaBeforeM2,
      double areaAfterM2,
      double changePercent,
      boolean accepted) {}

  private final double maxChangePercent;

  /**
   * @param maxChangePercent the largest change of area a repair may make, in percent (1 = 1 %)
   */
  public BoundaryRepair(double maxChangePercent) {
    this.maxChangePercent = maxChangePercent;
  }

  /** Repairs a geometry that {@link BoundaryValidator} found repairable (its lon/lat form). */
  public Repaired repair(RawGeometry lonLat) {
    List<List<double[]>> polygons = new ArrayList<>();
    double before = 0;
    for (List<double[]> rings : lonLat.polygons()) {
      List<double[]> kept = new ArrayList<>();
      for (int r = 0; r < rings.size(); r++) {
        double[] ring = closed(rings.get(r));
        if (distinctPoints(ring) < 3) {
          if (r == 0) {
            break; // a collapsed shell takes its holes with it
          }
          continue;
        }
        kept.add(ring);
        before += (r == 0 ? 1 : -1) * SquareMetres.ofRing(ring);
      }
      if (!kept.isEmpty()) {
        polygons.add(kept);
      }
    }
    if (polygons.isEmpty()) {
      return new Repaired(null, before, 0, 100, false);
    }
    Geometry fixed = GeometryFixer.fix(BoundaryValidator.build(polygons));
    @SuppressWarnings("unchecked")
    List<Polygon> parts = PolygonExtracter.getPolygons(fixed);
    parts = parts.stream().filter(p -> !p.isEmpty()).toList();
    if (parts.isEmpty()) {
      return new Repaired(null, before, 0, 100, false);
    }
    MultiPolygon boundary = Wgs84.FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    double after = SquareMetres.of(boundary);
    double change =
        before > 0
            ? Math.abs(after - before) / before * 100
            : (after == 0 ? 0 : Double.POSITIVE_INFINITY);
    return new Repaired(boundary, before, after, change, change <= maxChangePercent);
  }

  private static double[] closed(double[] ring) {
    int n = ring.length;
    if (n >= 4 && ring[0] == ring[n - 2] && ring[1] == ring[n - 1]) {
      return ring;
    }
    double[] c = java.util.Arrays.copyOf(ring, n + 2);
    c[n] = ring[0];
    c[n + 1] = ring[1];
    return c;
  }

  private static int distinctPoints(double[] ring) {
    java.util.Set<List<Double>> seen = new java.util.HashSet<>();
    for (int i = 0; i < ring.length; i += 2) {
      seen.add(List.of(ring[i], ring[i + 1]));
    }
    return seen.size();
  }
}
