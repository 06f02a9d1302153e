package org.gridmap.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Draws an irregular town outline and cuts it into Voronoi cells of scattered seeds.
 *
 * <p>Exact shared edges come from one step: the outline and every Voronoi edge, already in lon/lat
 * at 7 decimals, are noded together with snap-rounding on the 1e-7 degree grid and polygonized.
 * Every cell is then a face of one planar arrangement, so two neighbours share the very same
 * vertices. Clipping each Voronoi cell to the outline on its own would not give that: the crossing
 * points are computed twice and may differ in the last bit.
 */
final class TownTiler {
  private static final PrecisionModel SEVEN_DECIMALS = new PrecisionModel(1e7);
  private static final int OUTLINE_VERTICES = 64;
  private static final int SCATTER_CANDIDATES = 24;

  /** A cell clipped by the outline to less than this share of the mean cell is a failed attempt. */
  private static final double MIN_CELL_SHARE = 0.3;

  private TownTiler() {}

  /**
   * Tiles the town, or returns empty when this attempt drew a cell that the outline cut in two or
   * shaved to a sliver; the caller tries again with the random numbers that follow.
   */
  static Optional<TownTiling> tile(TownPlan plan, LocalPlane plane, SplittableRandom random) {
    Polygon outline = outline(plan, random);
    List<Coordinate> seeds = scatter(plan, outline, random);
    for (int i = 0; i < plan.relaxations(); i++) {
      seeds = relax(seeds, outline, plan.radiusM());
    }
    return cut(plane, outline, seeds, plan.radiusM());
  }

  /**
   * A star-shaped outline around the plane's origin, in metres: a circle bent by a few low
   * harmonics (the broad shape) and a little per-vertex noise (roads and streams). Star-shaped with
   * increasing angles, so it is always a simple polygon.
   */
  static Polygon outline(TownPlan plan, SplittableRandom random) {
    int harmonics = 6;
    double[] amplitude = new double[harmonics];
    double[] phase = new double[harmonics];
    for (int k = 0; k < harmonics; k++) {
      amplitude[k] = plan.roughness() * signed(random) / StrictMath.sqrt(k + 1.0);
      phase[k] = random.nextDouble() * 2 * StrictMath.PI;
    }
    Coordinate[] ring = new Coordinate[OUTLINE_VERTICES + 1];
    double step = 2 * StrictMath.PI / OUTLINE_VERTICES;
    for (int i = 0; i < OUTLINE_VERTICES; i++) {
      double theta = (i + 0.35 * signed(random)) * step;
      double r = 1 + 0.2 * plan.roughness() * signed(random);
      for (int k = 0; k < harmonics; k++) {
        r += amplitude[k] * StrictMath.cos((k + 2) * theta + phase[k]);
      }
      r = plan.radiusM() * Math.max(r, 0.6);
      ring[i] = new Coordinate(r * StrictMath.cos(theta), r * StrictMath.sin(theta));
    }
    ring[OUTLINE_VERTICES] = ring[0].copy();
    return LocalPlane.METRES.createPolygon(ring);
  }

  /**
   * Exactly {@code gridCount} seeds inside the outline by best-candidate sampling: each new seed is
   * the candidate farthest from the seeds so far, distances stretched where the seat density asks
   * for smaller grids.
   */
  private static List<Coordinate> scatter(TownPlan plan, Polygon outline, SplittableRandom random) {
    IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(outline);
    Envelope box = outline.getEnvelopeInternal();
    double sigma = 0.35 * plan.radiusM();
    List<Coordinate> seeds = new ArrayList<>();
    while (seeds.size() < plan.gridCount()) {
      Coordinate best = null;
      double bestScore = -1;
      for (int c = 0; c < SCATTER_CANDIDATES; c++) {
        Coordinate p;
        do {
          p =
              new Coordinate(
                  box.getMinX() + random.nextDouble() * box.getWidth(),
                  box.getMinY() + random.nextDouble() * box.getHeight());
        } while (inside.locate(p) != Location.INTERIOR);
        double nearest = Double.MAX_VALUE;
        for (Coordinate s : seeds) {
          nearest = Math.min(nearest, s.distance(p));
        }
        double density =
            1 + plan.seatDensity() * StrictMath.exp(-(p.x * p.x + p.y * p.y) / (2 * sigma * sigma));
        double score = nearest * StrictMath.sqrt(density);
        if (score > bestScore) {
          best = p;
          bestScore = score;
        }
      }
      seeds.add(best);
    }
    return seeds;
  }

  /** One round of Lloyd relaxation: each seed moves to the centroid of its cell in the outline. */
  private static List<Coordinate> relax(List<Coordinate> seeds, Polygon outline, double margin) {
    List<Coordinate> moved = new ArrayList<>(seeds);
    Map<Coordinate, Integer> index = indexOf(seeds);
    Geometry cells = voronoi(seeds, outline, margin);
    for (int i = 0; i < cells.getNumGeometries(); i++) {
      Geometry cell = cells.getGeometryN(i);
      Geometry clipped = cell.intersection(outline);
      if (!clipped.isEmpty()) {
        moved.set(
            index.get((Coordinate) cell.getUserData()), clipped.getCentroid().getCoordinate());
      }
    }
    return moved;
  }

  private static Optional<TownTiling> cut(
      LocalPlane plane, Polygon outline, List<Coordinate> seeds, double margin) {
    Geometry cells = voronoi(seeds, outline, margin);
    List<Geometry> lines = new ArrayList<>();
    lines.add(plane.toLonLat(outline.getExteriorRing()));
    for (int i = 0; i < cells.getNumGeometries(); i++) {
      lines.add(plane.toLonLat(((Polygon) cells.getGeometryN(i)).getExteriorRing()));
    }
    Geometry noded = UnaryUnionNG.union(Wgs84.FACTORY.buildGeometry(lines), SEVEN_DECIMALS);
    Polygonizer polygonizer = new Polygonizer();
    polygonizer.add(noded);

    IndexedPointInAreaLocator inTown = new IndexedPointInAreaLocator(plane.toLonLat(outline));
    List<List<Polygon>> faces = new ArrayList<>();
    seeds.forEach(s -> faces.add(new ArrayList<>()));
    for (Object o : polygonizer.getPolygons()) {
      Polygon face = (Polygon) o;
      Coordinate inner = face.getInteriorPoint().getCoordinate();
      if (inTown.locate(inner) == Location.INTERIOR) {
        faces.get(nearest(seeds, plane.toMetres(inner))).add(face);
      }
    }
    List<Polygon> tiles = new ArrayList<>();
    double total = 0;
    for (List<Polygon> f : faces) {
      if (f.size() != 1 || !f.get(0).isValid() || f.get(0).getNumInteriorRing() > 0) {
        return Optional.empty();
      }
      Polygon tile = counterClockwise(f.get(0));
      tile.setSRID(Wgs84.SRID);
      tiles.add(tile);
      total += tile.getArea();
    }
    double mean = total / tiles.size();
    if (tiles.stream().anyMatch(t -> t.getArea() < MIN_CELL_SHARE * mean)) {
      return Optional.empty();
    }
    return Optional.of(new TownTiling(List.copyOf(seeds), List.copyOf(tiles), neighbours(tiles)));
  }

  private static Geometry voronoi(List<Coordinate> seeds, Polygon outline, double margin) {
    VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
    builder.setSites(seeds);
    Envelope clip = new Envelope(outline.getEnvelopeInternal());
    clip.expandBy(margin);
    builder.setClipEnvelope(clip);
    return builder.getDiagram(LocalPlane.METRES);
  }

  /**
   * Cells are neighbours when their rings hold the same segment; exact sharing makes this exact.
   */
  private static List<Set<Integer>> neighbours(List<Polygon> tiles) {
    Map<Segment, Integer> owner = new HashMap<>();
    List<Set<Integer>> result = new ArrayList<>();
    for (int i = 0; i < tiles.size(); i++) {
      result.add(new TreeSet<>());
    }
    for (int i = 0; i < tiles.size(); i++) {
      Coordinate[] ring = tiles.get(i).getExteriorRing().getCoordinates();
      for (int k = 0; k + 1 < ring.length; k++) {
        Integer other = owner.putIfAbsent(Segment.of(ring[k], ring[k + 1]), i);
        if (other != null && other != i) {
          result.get(i).add(other);
          result.get(other).add(i);
        }
      }
    }
    return result.stream().map(Collections::unmodifiableSet).toList();
  }

  /** A segment with its ends in a fixed order, so both directions compare equal. */
  private record Segment(double x0, double y0, double x1, double y1) {
    static Segment of(Coordinate a, Coordinate b) {
      return a.compareTo(b) <= 0
          ? new Segment(a.x, a.y, b.x, b.y)
          : new Segment(b.x, b.y, a.x, a.y);
    }
  }

  /**
   * RFC 7946 winding: exterior counter-clockwise, holes clockwise; rings start at their minimum.
   */
  static Polygon counterClockwise(Polygon polygon) {
    return (Polygon) polygon.norm().reverse();
  }

  private static int nearest(List<Coordinate> seeds, Coordinate p) {
    int best = 0;
    for (int i = 1; i < seeds.size(); i++) {
      if (seeds.get(i).distance(p) < seeds.get(best).distance(p)) {
        best = i;
      }
    }
    return best;
  }

  private static Map<Coordinate, Integer> indexOf(List<Coordinate> seeds) {
    Map<Coordinate, Integer> index = new HashMap<>();
    for (int i = 0; i < seeds.size(); i++) {
      index.put(seeds.get(i), i);
    }
    return index;
  }

  private static double signed(SplittableRandom random) {
    return 2 * random.nextDouble() - 1;
  }
}
