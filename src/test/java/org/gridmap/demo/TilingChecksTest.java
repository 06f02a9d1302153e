package org.gridmap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class TilingChecksTest {
  // Squares of 0.001° near Heshan: about 89 m east-west by 111 m north-south.
  private static final String WHOLE =
      "POLYGON ((117.120 36.670, 117.122 36.670, 117.122 36.671, 117.120 36.671, 117.120 36.670))";
  private static final String WEST =
      "POLYGON ((117.120 36.670, 117.121 36.670, 117.121 36.671, 117.120 36.671, 117.120 36.670))";
  private static final String EAST =
      "POLYGON ((117.121 36.670, 117.122 36.670, 117.122 36.671, 117.121 36.671, 117.121 36.670))";

  @Test
  void two_squares_side_by_side_tile_their_rectangle() {
    List<Geometry> parts = List.of(wkt(WEST), wkt(EAST));
    assertEquals(0, TilingChecks.gapM2(wkt(WHOLE), parts), 1e-6);
    assertEquals(0, TilingChecks.overlapM2(wkt(WHOLE), parts), 1e-6);
    assertEquals(List.of(), TilingChecks.tJunctions(parts));
    assertEquals(2, TilingChecks.mostPartsAtOneVertex(parts));
  }

  @Test
  void a_missing_part_shows_as_a_gap_of_its_area() {
    double gap = TilingChecks.gapM2(wkt(WHOLE), List.of(wkt(WEST)));
    assertEquals(89.2 * 111.2, gap, 20);
  }

  @Test
  void a_part_counted_twice_shows_as_an_overlap_of_its_area() {
    double overlap = TilingChecks.overlapM2(wkt(WHOLE), List.of(wkt(WEST), wkt(WEST), wkt(EAST)));
    assertEquals(89.2 * 111.2, overlap, 20);
  }

  @Test
  void a_vertex_in_the_middle_of_a_neighbours_edge_is_a_t_junction() {
    Geometry eastWithMidpoint =
        wkt(
            "POLYGON ((117.121 36.670, 117.122 36.670, 117.122 36.671, 117.121 36.671,"
                + " 117.121 36.6705, 117.121 36.670))");
    List<Coordinate> found = TilingChecks.tJunctions(List.of(wkt(WEST), eastWithMidpoint));
    assertEquals(List.of(new Coordinate(117.121, 36.6705)), found);
  }

  @Test
  void a_whole_drawn_through_its_parts_vertices_shares_them_all() {
    Geometry whole =
        wkt(
            "POLYGON ((117.120 36.670, 117.121 36.670, 117.122 36.670, 117.122 36.671,"
                + " 117.121 36.671, 117.120 36.671, 117.120 36.670))");
    assertEquals(
        List.of(), TilingChecks.unsharedBoundaryVertices(whole, List.of(wkt(WEST), wkt(EAST))));
  }

  @Test
  void a_whole_that_skips_where_parts_meet_on_its_edge_is_reported() {
    List<Coordinate> found =
        TilingChecks.unsharedBoundaryVertices(wkt(WHOLE), List.of(wkt(WEST), wkt(EAST)));
    assertEquals(2, found.size());
    assertTrue(found.contains(new Coordinate(117.121, 36.670)));
    assertTrue(found.contains(new Coordinate(117.121, 36.671)));
  }

  private static Geometry wkt(String text) {
    try {
      return new WKTReader().read(text);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
