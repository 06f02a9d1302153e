package org.gridmap.analytics;

import java.util.ArrayList;
import java.util.List;
import org.gridmap.geo.WebMercator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The square cells that events are counted in at one map zoom. Cells are squares in Web-Mercator
 * metres anchored at the projection's origin, with an edge of 16 screen pixels at that zoom: {@code
 * size = 2π·6378137 / 2^(zoom+4)} m. So the cells of zoom z are exactly the map tiles of zoom z+4,
 * they look square on the map, every cell of zoom z+1 lies in one cell of zoom z, and a cell does
 * not move when the map is panned.
 *
 * <p>At lat 36.6° a cell is about 123 m across on the ground at zoom 14, 490 m at zoom 12.
 */
public record CellGrid(int zoom, double size) {
  public static final int PIXELS_PER_CELL = 16;
  public static final int MIN_ZOOM = 0;
  public static final int MAX_ZOOM = 22;

  public static CellGrid ofZoom(int zoom) {
    if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom must be from 0 to 22, got " + zoom);
    }
    return new CellGrid(zoom, WebMercator.metresPerPixel(zoom) * PIXELS_PER_CELL);
  }

  /** The cell holding a point given in Mercator metres (cells are closed below and left). */
  public Cell cellAtXY(double x, double y) {
    return new Cell((int) Math.floor(x / size), (int) Math.floor(y / size));
  }

  /** The cell holding a point given in lon/lat degrees. */
  public Cell cellAt(double lon, double lat) {
    return cellAtXY(WebMercator.x(lon), WebMercator.y(lat));
  }

  /** The cell's square as lon/lat corners: SW, SE, NE, NW, SW (counter-clockwise, closed). */
  public double[][] ring(Cell c) {
    double w = WebMercator.lon(c.i() * size);
    double e = WebMercator.lon((c.i() + 1) * size);
    double s = WebMercator.lat(c.j() * size);
    double n = WebMercator.lat((c.j() + 1) * size);
    return new double[][] {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}};
  }

  /** The centre of a cell in lon/lat. */
  public double[] centre(Cell c) {
    return new double[] {
      WebMercator.lon((c.i() + 0.5) * size), WebMercator.lat((c.j() + 0.5) * size)
    };
  }

  /** How many cells a lon/lat envelope spans at this zoom (to refuse absurd requests cheaply). */
  public long cellsSpanned(Envelope lonLat) {
    Cell sw = cellAt(lonLat.getMinX(), lonLat.getMinY());
    Cell ne = cellAt(lonLat.getMaxX(), lonLat.getMaxY());
    return (long) (ne.i() - sw.i() + 1) * (ne.j() - sw.j() + 1);
  }

  /**
   * The cells whose centre lies inside a polygonal geometry given in Mercator metres, found by
   * scanning each row of centres against the polygon's edges (even-odd rule, so holes are left
   * out). A centre exactly on an edge may fall either way.
   */
  public List<Cell> cellsWithCentreIn(Geometry mercator) {
    List<double[]> edges = new ArrayList<>();
    for (int g = 0; g < mercator.getNumGeometries(); g++) {
      Geometry part = mercator.getGeometryN(g);
      if (part instanceof Polygon p) {
        addEdges(p.getExteriorRing(), edges);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          addEdges(p.getInteriorRingN(h), edges);
        }
      }
    }
    List<Cell> cells = new ArrayList<>();
    if (edges.isEmpty()) {
      return cells;
    }
    Envelope env = mercator.getEnvelopeInternal();
    int j0 = (int) Math.floor(env.getMinY() / size - 0.5);
    int j1 = (int) Math.ceil(env.getMaxY() / size - 0.5);
    List<Double> crossings = new ArrayList<>();
    for (int j = j0; j <= j1; j++) {
      double y = (j + 0.5) * size;
      crossings.clear();
      for (double[] e : edges) {
        if ((e[1] > y) != (e[3] > y)) {
          crossings.add(e[0] + (y - e[1]) / (e[3] - e[1]) * (e[2] - e[0]));
        }
      }
      crossings.sort(null);
      for (int k = 0; k + 1 < crossings.size(); k += 2) {
        int i0 = (int) Math.ceil(crossings.get(k) / size - 0.5);
        int i1 = (int) Math.floor(crossings.get(k + 1) / size - 0.5);
        for (int i = i0; i <= i1; i++) {
          cells.add(new Cell(i, j));
        }
      }
    }
    return cells;
  }

  private static void addEdges(LineString ring, List<double[]> edges) {
    Coordinate[] cs = ring.getCoordinates();
    for (int k = 0; k + 1 < cs.length; k++) {
      edges.add(new double[] {cs[k].x, cs[k].y, cs[k + 1].x, cs[k + 1].y});
    }
  }
}
