package org.gridmap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridmap.geo.Wgs84;
import org.gridmap.locate.Boundary;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * An irregular grid set for benchmarks and tests: the Voronoi cells of random sites, clipped to a
 * lon/lat rectangle, so neighbours share their edges vertex for vertex and the cells tile the
 * rectangle. Deterministic for a seed.
 */
public final class VoronoiGrids {
  private VoronoiGrids() {}

  /**
   * {@code count} grids coded {@code G0000001...} (fixed width, so string order is numeric order)
   * tiling {@code extent}, all children of {@code parentCode}.
   */
  public static List<Boundary> generate(int count, Envelope extent, long seed, String parentCode) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Coordinate> sites = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sites.add(
          new Coordinate(
              extent.getMinX() + random.nextDouble() * extent.getWidth(),
              extent.getMinY() + random.nextDouble() * extent.getHeight()));
    }
    VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
    builder.setSites(sites);
    builder.setClipEnvelope(extent);
    Geometry cells = builder.getDiagram(Wgs84.FACTORY);
    Geometry frame = Wgs84.FACTORY.toGeometry(extent);
    List<Boundary> grids = new ArrayList<>(cells.getNumGeometries());
    int n = 0;
    for (int i = 0; i < cells.getNumGeometries(); i++) {
      Geometry cell = cells.getGeometryN(i);
      if (!frame.covers(cell)) {
        cell = cell.intersection(frame);
      }
      for (int k = 0; k < cell.getNumGeometries(); k++) {
        if (cell.getGeometryN(k) instanceof Polygon p && !p.isEmpty() && p.getArea() > 0) {
          n++;
          String code = String.format("G%07d", n);
          grids.add(
              new Boundary(
                  code,
                  "网格 " + n,
                  "grid",
                  parentCode,
                  Wgs84.FACTORY.createMultiPolygon(new Polygon[] {p})));
        }
      }
    }
    return grids;
  }
}
