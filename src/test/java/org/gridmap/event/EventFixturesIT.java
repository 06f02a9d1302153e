package org.gridmap.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test helpers that pick points in the demo towns pick what they say. */
class EventFixturesIT {
  static final String GRID = "370112101001001";

  @BeforeAll
  static void demo() {
    TestApp.shared();
  }

  @Test
  void the_neighbour_shares_an_edge_and_the_shared_vertex_lies_on_both_boundaries() {
    String neighbour = EventFixtures.neighbourAcrossEdge(GRID);
    assertNotEquals(GRID, neighbour);
    double[] v = EventFixtures.sharedVertex(GRID, neighbour);
    for (String code : new String[] {GRID, neighbour}) {
      assertEquals(
          "t",
          EventFixtures.scalar(
              "SELECT ST_Intersects(ST_Boundary(boundary), ST_SetSRID(ST_MakePoint("
                  + v[0]
                  + ", "
                  + v[1]
                  + "), 4326)) FROM area WHERE code = ? AND valid_to IS NULL",
              code),
          code);
    }
    String smallest = EventFixtures.smallestGridWithVertex(v);
    assertTrue(smallest.compareTo(GRID) <= 0 && smallest.compareTo(neighbour) <= 0, smallest);
  }

  @Test
  void the_interior_point_lies_strictly_inside_its_area() {
    double[] p = EventFixtures.interiorPoint(GRID);
    assertEquals(
        "t",
        EventFixtures.scalar(
            "SELECT ST_ContainsProperly(boundary, ST_SetSRID(ST_MakePoint("
                + p[0]
                + ", "
                + p[1]
                + "), 4326)) FROM area WHERE code = ? AND valid_to IS NULL",
            GRID));
  }
}
