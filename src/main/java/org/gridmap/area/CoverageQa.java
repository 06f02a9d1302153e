package org.gridmap.area;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridmap.area.Coverage.Finding;
import org.gridmap.area.Coverage.Kind;
import org.gridmap.area.Coverage.Tally;
import org.gridmap.geo.SquareMetres;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Checks how the children of an area cover it, with JTS's robust overlay in lon/lat (edges are
 * straight in lon/lat, as everywhere in PostGIS {@code geometry}) and areas in m² on the ellipsoid
 * ({@link SquareMetres}). Pieces below the sliver tolerance — the dust that floating-point overlay
 * leaves along shared edges — are counted apart and not listed.
 */
public final class CoverageQa {
  /** The default sliver tolerance: pieces under 1 m² are counted, not listed. */
  public static final double DEFAULT_SLIVER_M2 = 1.0;

  /** A child area: its code and boundary (EPSG:4326). */
  public record Child(String code, Geometry boundary) {}

  private final double sliverM2;

  public CoverageQa(double sliverM2) {
    if (!(sliverM2 >= 0)) {
      throw new IllegalArgumentException("the sliver tolerance must be zero or more");
    }
    this.sliverM2 = sliverM2;
  }

  public double sliverM2() {
    return sliverM2;
  }

  public Coverage check(String parentCode, Geometry parent, List<Child> children) {
    STRtree index = new STRtree();
    for (int i = 0; i < children.size(); i++) {
      index.insert(children.get(i).boundary().getEnvelopeInternal(), i);
    }
    Geometry union =
        children.isEmpty()
            ? parent.getFactory().createEmpty(2)
            : OverlayNGRobust.union(children.stream().map(Child::boundary).toList());
    double areaM2 = SquareMetres.of(parent);
    double coveredM2 =
        SquareMetres.of(OverlayNGRobust.overlay(parent, union, OverlayNG.INTERSECTION));

    List<Finding> findings = new ArrayList<>();
    Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      tallies.put(k, Tally.NONE);
    }
    for (Polygon gap : polygons(OverlayNGRobust.overlay(parent, union, OverlayNG.DIFFERENCE))) {
      List<String> around = new ArrayList<>();
      for (Object o : index.query(gap.getEnvelopeInternal())) {
        Child c = children.get((Integer) o);
        if (c.boundary().intersects(gap)) {
          around.add(c.code());
        }
      }
      add(Kind.GAP, gap, around.stream().sorted().toList(), findings, tallies);
    }
    for (int i = 0; i < children.size(); i++) {
      Child a = children.get(i);
      for (Object o : index.query(a.boundary().getEnvelopeInternal())) {
        int j = (Integer) o;
        if (j <= i) {
          continue;
        }
        Child b = children.get(j);
        Geometry both = OverlayNGRobust.overlay(a.boundary(), b.boundary(), OverlayNG.INTERSECTION);
        for (Polygon piece : polygons(both)) {
          add(Kind.OVERLAP, piece, sorted(a.code(), b.code()), findings, tallies);
        }
      }
      Geometry outside = OverlayNGRobust.overlay(a.boundary(), parent, OverlayNG.DIFFERENCE);
      for (Polygon piece : polygons(outside)) {
        add(Kind.SPILL, piece, List.of(a.code()), findings, tallies);
      }
    }
    Coverage.Summary summary =
        Coverage.Summary.of(
            1,
            children.size(),
            areaM2,
            coveredM2,
            tallies.get(Kind.GAP),
            tallies.get(Kind.OVERLAP),
            tallies.get(Kind.SPILL),
            sliverM2);
    return new Coverage(parentCode, summary, findings);
  }

  private void add(
      Kind kind, Polygon piece, List<String> codes, List<Finding> findings, Map<Kind, Tally> t) {
    double m2 = SquareMetres.of(piece);
    if (m2 <= 0) {
      return;
    }
    boolean sliver = m2 < sliverM2;
    t.put(kind, t.get(kind).plus(sliver ? new Tally(0, 0, 1, m2) : new Tally(1, m2, 0, 0)));
    if (!sliver) {
      piece.setSRID(4326);
      findings.add(new Finding(kind, m2, codes, piece));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Polygon> polygons(Geometry g) {
    return (List<Polygon>) PolygonExtracter.getPolygons(g);
  }

  private static List<String> sorted(String a, String b) {
    return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
  }
}
