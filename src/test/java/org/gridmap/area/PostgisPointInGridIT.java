package org.gridmap.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridmap.db.Database;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL form of the boundary rule, on the demo towns. */
class PostgisPointInGridIT {
  private static Database database;
  private static PointInGrid grids;

  @BeforeAll
  static void open() {
    TestApp.shared(); // demo data loaded
    database = Database.open(TestApp.config(TestDatabase.url()));
    grids = new PostgisPointInGrid(database);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void a_point_inside_a_demo_grid_gets_its_path_and_version() {
    // the first Heshan grid's interior point, computed by PostGIS itself
    double[] p = interiorPoint("370112101001001");
    GridAssignment a = grids.assign(p[0], p[1]);
    assertEquals("370112101001001", a.gridCode());
    assertEquals(List.of("370112101", "370112101001", "370112101001001"), a.pathCodes());
    assertEquals("/370112101/370112101001/370112101001001/", a.path());
    assertEquals(1, a.boundaryVersion());
  }

  @Test
  void the_in_memory_index_assigns_exactly_as_postgis_with_the_same_version() {
    PointInGrid index = TestApp.shared().gridMap().grids();
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      double lon = 117.08 + random.nextDouble() * 0.32;
      double lat = 36.52 + random.nextDouble() * 0.20;
      assertEquals(grids.assign(lon, lat), index.assign(lon, lat), lon + "," + lat);
    }
  }

  @Test
  void a_point_far_away_is_outside() {
    GridAssignment a = grids.assign(2.35, 48.85);
    assertTrue(a.outside());
    assertEquals(null, a.gridCode());
  }

  private static double[] interiorPoint(String code) {
    try (var c = database.connection();
        var ps =
            c.prepareStatement(
                "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(boundary) p FROM area"
                    + " WHERE code = ? AND valid_to IS NULL) x")) {
      ps.setString(1, code);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2)};
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
