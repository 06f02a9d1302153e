package org.gridmap.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.gridmap.geo.Wgs84;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Points exactly on edges and vertices shared by 2, 3 and 4 grids land in exactly one grid, the one
 * with the smallest code among the grids touching the point, whatever order the index was built
 * from. The demo towns have vertices shared by 2 and 3 grids; four squares meeting at a point give
 * the 4-grid case.
 */
class SharedEdgeTest {
  static List<Boundary> demo;
  static List<Boundary> demoGrids;

  @BeforeAll
  static void readDemo() throws IOException, ParseException {
    JsonNode fc =
        new ObjectMapper()
            .readTree(TestDatabase.projectDir().resolve("geodata/demo-areas.geojson").toFile());
    GeoJsonReader reader = new GeoJsonReader(Wgs84.FACTORY);
    demo = new ArrayList<>();
    for (JsonNode f : fc.get("features")) {
      JsonNode p = f.get("properties");
      demo.add(
          new Boundary(
              p.get("code").asText(),
              p.get("name").asText(),
              p.get("level").asText(),
              p.get("parent").isNull() ? null : p.get("parent").asText(),
              reader.read(f.get("geometry").toString())));
    }
    demoGrids = demo.stream().filter(b -> b.level().equals("grid")).toList();
  }

  static GridIndex build(List<Boundary> areas, long shuffleSeed) {
    List<Boundary> shuffled = new ArrayList<>(areas);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    return GridIndex.build(new BoundarySet(1, List.of("town", "community", "grid"), shuffled));
  }

  /** Codes of the grids whose closure contains the point, by JTS. */
  static TreeSet<String> touching(List<Boundary> grids, double x, double y) {
    Geometry p = Wgs84.FACTORY.createPoint(new Coordinate(x, y));
    TreeSet<String> codes = new TreeSet<>();
    for (Boundary g : grids) {
      if (g.geometry().covers(p)) {
        codes.add(g.code());
      }
    }
    return codes;
  }

  @Test
  void demo_vertices_shared_by_two_and_three_grids_land_in_the_smallest_code() {
    Map<Coordinate, TreeSet<String>> vertices = new HashMap<>();
    for (Boundary g : demoGrids) {
      for (Coordinate c : g.geometry().getCoordinates()) {
        vertices.computeIfAbsent(c, k -> new TreeSet<>()).add(g.code());
      }
    }
    GridIndex first = build(demo, 1);
    GridIndex second = build(demo, 2);
    int[] bySharing = new int[5];
    for (var e : vertices.entrySet()) {
      Coordinate c = e.getKey();
      TreeSet<String> sharing = touching(demoGrids, c.x, c.y);
      assertEquals(e.getValue(), sharing, "vertex " + c + " is a vertex of exactly its grids");
      bySharing[Math.min(4, sharing.size())]++;
      Assignment a = first.locate(c.x, c.y, 5);
      assertNotNull(a.grid(), "no grid at vertex " + c);
      assertEquals(sharing.first(), a.grid().code(), "vertex " + c + " shared by " + sharing);
      assertEquals(
          a, second.locate(c.x, c.y, 5), "same answer from an index built in another order");
      assertEquals(a.grid().code(), a.path().get(a.path().size() - 1).code());
      assertTrue(sharing.size() == 1 || a.ambiguous(), "a shared vertex is ambiguous");
    }
    assertTrue(
        bySharing[2] >= 20 && bySharing[3] >= 100, "2: " + bySharing[2] + ", 3: " + bySharing[3]);
  }

  @Test
  void points_on_demo_edges_shared_by_two_grids_land_in_exactly_one_of_them() {
    GridIndex first = build(demo, 3);
    GridIndex second = build(demo, 4);
    int shared = 0;
    for (Boundary g : demoGrids) {
      Coordinate[] cs = g.geometry().getCoordinates();
      for (int i = 0; i + 1 < cs.length; i++) {
        for (int k = 1; k < 4; k++) {
          double x = cs[i].x + (cs[i + 1].x - cs[i].x) * k / 4;
          double y = cs[i].y + (cs[i + 1].y - cs[i].y) * k / 4;
          TreeSet<String> sharing = touching(demoGrids, x, y);
          int found = first.gridAt(x, y);
          assertEquals(found, second.gridAt(x, y));
          if (sharing.isEmpty()) { // rounding put the point just outside an outer edge
            assertEquals(-1, found);
            continue;
          }
          assertEquals(sharing.first(), first.gridCode(found));
          if (sharing.size() == 2) {
            shared++;
          }
        }
      }
    }
    System.out.println(shared + " sampled points lie exactly on an edge shared by two grids");
    assertTrue(shared > 100, shared + " points exactly on shared edges");
  }

  @Test
  void the_vertex_and_edges_shared_by_four_grids_land_in_the_smallest_code() throws ParseException {
    WKTReader wkt = new WKTReader(Wgs84.FACTORY);
    List<Boundary> squares = new ArrayList<>();
    String[] codes = {"Q3", "Q1", "Q4", "Q2"}; // deliberately not in code order
    double[][] corners = {{117, 36}, {117.01, 36}, {117, 36.01}, {117.01, 36.01}};
    for (int i = 0; i < 4; i++) {
      double x = corners[i][0];
      double y = corners[i][1];
      squares.add(
          new Boundary(
              codes[i],
              codes[i],
              "grid",
              null,
              wkt.read(
                  String.format(
                      java.util.Locale.ROOT,
                      "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
                      x,
                      y,
                      x + 0.01,
                      y,
                      x + 0.01,
                      y + 0.01,
                      x,
                      y + 0.01,
                      x,
                      y))));
    }
    for (long seed = 0; seed < 5; seed++) {
      GridIndex index = build(squares, seed);
      Assignment centre = index.locate(117.01, 36.01, 5);
      assertEquals("Q1", centre.grid().code());
      assertEquals(3, centre.candidates().size(), "the three other squares touch the centre");
      assertEquals("Q1", index.locate(117.01, 36.005, 0).grid().code(), "Q3|Q1 edge");
      assertEquals("Q1", index.locate(117.015, 36.01, 0).grid().code(), "Q1|Q2 edge");
      assertEquals("Q2", index.locate(117.01, 36.015, 0).grid().code(), "Q4|Q2 edge");
      assertEquals("Q3", index.locate(117.0, 36.005, 0).grid().code(), "outer edge, no neighbour");
    }
  }
}
