package org.gridmap.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridmap.bench.VoronoiGrids;
import org.gridmap.geo.Wgs84;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** The raster-accelerated index gives exactly the answers of testing every grid with JTS. */
class GridIndexTest {
  static final Envelope EXTENT = new Envelope(117.0, 117.2, 36.6, 36.75);
  static List<Boundary> grids;
  static GridIndex index;
  static List<PreparedGeometry> prepared;

  @BeforeAll
  static void build() {
    grids = VoronoiGrids.generate(2_000, EXTENT, 7, null);
    index = GridIndex.build(new BoundarySet(1, List.of("grid"), grids));
    prepared = new ArrayList<>();
    for (Boundary b : grids) { // generated in code order
      prepared.add(PreparedGeometryFactory.prepare(b.geometry()));
    }
  }

  /** The rule by brute force: the smallest code among grids whose closure contains the point. */
  static String bruteForce(double lon, double lat) {
    var point = Wgs84.FACTORY.createPoint(new Coordinate(lon, lat));
    for (int i = 0; i < grids.size(); i++) {
      if (prepared.get(i).covers(point)) {
        return grids.get(i).code();
      }
    }
    return null;
  }

  static String indexed(double lon, double lat) {
    int g = index.gridAt(lon, lat);
    return g < 0 ? null : index.gridCode(g);
  }

  @Test
  void random_points_get_the_same_grid_as_testing_every_grid() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      double lon = 116.99 + r.nextDouble() * 0.22;
      double lat = 36.59 + r.nextDouble() * 0.17;
      assertEquals(bruteForce(lon, lat), indexed(lon, lat), lon + " " + lat);
    }
  }

  @Test
  void every_vertex_and_edge_midpoint_gets_the_same_grid_as_testing_every_grid() {
    int checked = 0;
    for (Boundary b : grids) {
      Coordinate[] cs = b.geometry().getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        double[][] points = {
          {cs[i].x, cs[i].y}, {(cs[i].x + cs[i + 1].x) / 2, (cs[i].y + cs[i + 1].y) / 2}
        };
        for (double[] p : points) {
          String expected = bruteForce(p[0], p[1]);
          assertEquals(expected, indexed(p[0], p[1]), p[0] + " " + p[1]);
          checked++;
        }
      }
    }
    assertTrue(checked > 20_000);
  }

  @Test
  void a_point_on_a_shared_vertex_gets_the_smallest_code_of_the_grids_touching_it() {
    // a Voronoi vertex inside the extent is shared by three cells
    Boundary first = grids.get(0);
    for (Coordinate c : first.geometry().getCoordinates()) {
      List<String> touching = new ArrayList<>();
      var point = Wgs84.FACTORY.createPoint(c);
      for (int i = 0; i < grids.size(); i++) {
        if (prepared.get(i).covers(point)) {
          touching.add(grids.get(i).code());
        }
      }
      assertEquals(touching.stream().sorted().findFirst().orElse(null), indexed(c.x, c.y));
    }
  }

  @Test
  void a_point_outside_every_grid_is_outside_and_names_the_nearest_grid() {
    Assignment a = index.locate(116.9, 36.7, 5);
    assertNull(a.grid());
    assertTrue(a.outside());
    assertTrue(a.nearest().distanceM() > 8000 && a.nearest().distanceM() < 9000, a.toString());
    assertEquals(bruteForce(117.0, 36.7), a.nearest().area().code());
  }

  @Test
  void a_point_near_a_shared_edge_is_ambiguous_and_lists_the_neighbour() {
    Envelope inner = new Envelope(EXTENT);
    inner.expandBy(-0.01);
    Boundary grid =
        grids.stream()
            .filter(g -> inner.contains(g.geometry().getEnvelopeInternal()))
            .findFirst()
            .orElseThrow();
    Coordinate[] cs = grid.geometry().getCoordinates();
    // the middle of an inner edge, which a neighbour shares
    double lon = (cs[0].x + cs[1].x) / 2;
    double lat = (cs[0].y + cs[1].y) / 2;
    Assignment a = index.locate(lon, lat, 5);
    assertTrue(a.distanceToBoundaryM() < 0.01, a.toString());
    assertTrue(a.ambiguous());
    assertFalse(a.candidates().isEmpty());
    Assignment strict = index.locate(lon, lat, 0);
    assertTrue(strict.candidates().stream().allMatch(c -> c.distanceM() == 0));
  }

  @Test
  void lookups_are_fast_enough_to_report() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 2_000_000;
    double[] xy = new double[2 * n];
    for (int i = 0; i < n; i++) {
      xy[2 * i] = 117.0 + r.nextDouble() * 0.2;
      xy[2 * i + 1] = 36.6 + r.nextDouble() * 0.15;
    }
    long sum = 0;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sum += index.gridAt(xy[2 * i], xy[2 * i + 1]);
      }
      long t = System.nanoTime() - t0;
      System.out.printf(
          "gridAt: %.2fM points/s on one thread, pure cells %s%n",
          n / (t / 1e9) / 1e6, index.pureCellShare());
    }
    assertTrue(sum > 0);
  }
}
