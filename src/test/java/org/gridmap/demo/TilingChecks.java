package org.gridmap.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Checks that parts (grids, communities) tile a whole exactly. Geometries are lon/lat; areas come
 * back in m², measured in a {@link LocalPlane} at the centre of the whole. Vertex checks compare
 * coordinates bit for bit: a vertex within {@link #ON_BOUNDARY_DEGREES} of a boundary is on it.
 */
final class TilingChecks {
  /** About 0.01 mm; stored vertices are on a 1e-7 degree grid, far coarser than this. */
  static final double ON_BOUNDARY_DEGREES = 1e-10;

  private TilingChecks() {}

  /** Area in m² covered by the whole or by the union of the parts, but not by both. */
  static double gapM2(Geometry whole, List<? extends Geometry> parts) {
    LocalPlane plane = planeAt(whole);
    Geometry union = UnaryUnionOp.union(parts.stream().map(plane::toMetres).toList());
    return union.symDifference(plane.toMetres(whole)).getArea();
  }

  /** Area in m² covered by two parts at once, summed over all pairs. */
  static double overlapM2(Geometry whole, List<? extends Geometry> parts) {
    LocalPlane plane = planeAt(whole);
    List<Geometry> metres = parts.stream().map(plane::toMetres).toList();
    double overlap = 0;
    for (int i = 0; i < metres.size(); i++) {
      for (int j = i + 1; j < metres.size(); j++) {
        Geometry a = metres.get(i);
        Geometry b = metres.get(j);
        if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
          overlap += a.intersection(b).getArea();
        }
      }
    }
    return overlap;
  }

  /** The largest number of parts that have one and the same vertex. */
  static int mostPartsAtOneVertex(List<? extends Geometry> parts) {
    return vertexOwners(parts).values().stream().mapToInt(Set::size).max().orElse(0);
  }

  /**
   * T-junctions: vertices of one part that lie on the boundary of another part without being one of
   * its vertices. Empty when neighbours share their edges vertex for vertex.
   */
  static List<Coordinate> tJunctions(List<? extends Geometry> parts) {
    Map<Coordinate, Set<Integer>> owners = vertexOwners(parts);
    List<Coordinate> found = new ArrayList<>();
    for (Map.Entry<Coordinate, Set<Integer>> vertex : owners.entrySet()) {
      for (int p = 0; p < parts.size(); p++) {
        if (!vertex.getValue().contains(p) && onBoundary(vertex.getKey(), parts.get(p))) {
          found.add(vertex.getKey());
        }
      }
    }
    return found;
  }

  /**
   * Vertices that the whole and its parts do not share: a vertex of the whole that no part has, or
   * a part's vertex on the whole's boundary that the whole lacks. Empty when the whole is drawn
   * through exactly its parts' vertices.
   */
  static List<Coordinate> unsharedBoundaryVertices(Geometry whole, List<? extends Geometry> parts) {
    Set<Coordinate> partVertices = vertexOwners(parts).keySet();
    Set<Coordinate> own = new HashSet<>(List.of(whole.getCoordinates()));
    List<Coordinate> found = new ArrayList<>();
    for (Coordinate v : own) {
      if (!partVertices.contains(v)) {
        found.add(v);
      }
    }
    for (Coordinate v : partVertices) {
      if (!own.contains(v) && onBoundary(v, whole)) {
        found.add(v);
      }
    }
    return found;
  }

  private static Map<Coordinate, Set<Integer>> vertexOwners(List<? extends Geometry> parts) {
    Map<Coordinate, Set<Integer>> owners = new HashMap<>();
    for (int p = 0; p < parts.size(); p++) {
      for (Coordinate v : parts.get(p).getCoordinates()) {
        owners.computeIfAbsent(v, k -> new HashSet<>()).add(p);
      }
    }
    return owners;
  }

  private static boolean onBoundary(Coordinate v, Geometry area) {
    return area.getEnvelopeInternal().distance(new Envelope(v)) <= ON_BOUNDARY_DEGREES
        && area.getBoundary().distance(area.getFactory().createPoint(v)) <= ON_BOUNDARY_DEGREES;
  }

  private static LocalPlane planeAt(Geometry whole) {
    Coordinate centre = whole.getEnvelopeInternal().centre();
    return LocalPlane.centredAt(centre.x, centre.y);
  }
}
