package org.gridmap.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.TestDatabase;
import org.gridmap.testing.TestEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heat and hot-spot routes over real PostGIS: counts in the caller's scope, the same counts as
 * PostGIS's own square grid, the cluster found as a hot spot, points when zoomed in, and refusals.
 */
class AnalyticsIT {
  static final String TYPE = "it_heat";
  static final String BOTH_TOWNS = "117.0,36.5,117.45,36.75";
  static final String HESHAN = "117.06,36.63,117.18,36.71";
  static final String HEPING_GRID_1 = "370112101001001";

  private static final TestApp app = TestApp.shared();

  @BeforeAll
  static void events() {
    Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
    TestEvents.insertRandom("370112101", 200, 11, TYPE, hourAgo);
    TestEvents.insertRandom(HEPING_GRID_1, 200, 12, TYPE, hourAgo);
    TestEvents.insertRandom("370112102", 50, 13, TYPE, hourAgo);
  }

  private static String heat(String bbox, int zoom) {
    return "/api/analytics/heat?type=" + TYPE + "&bbox=" + bbox + "&zoom=" + zoom;
  }

  private static JsonNode ok(Caller caller, String path) {
    HttpResponse<String> r = caller.get(path);
    assertEquals(200, r.statusCode(), path + " " + r.body());
    return caller.json(r);
  }

  @Test
  void heat_counts_each_event_once_and_only_in_the_callers_areas() {
    JsonNode town = ok(app.loginDemo("heshan_leader"), heat(BOTH_TOWNS, 13));
    assertEquals(400, town.get("total").asLong());
    long sum = 0;
    for (JsonNode f : town.get("features")) {
      sum += f.get("properties").get("count").asLong();
    }
    assertEquals(400, sum);
    assertEquals("cells", town.get("mode").asText());
    assertEquals(450, ok(app.loginDemo("demo_admin"), heat(BOTH_TOWNS, 13)).get("total").asLong());
    assertEquals(
        count("/370112101/370112101001/370112101001001/%"),
        ok(app.loginDemo("heping_grid1"), heat(BOTH_TOWNS, 13)).get("total").asLong());
  }

  @Test
  void cell_counts_are_those_of_postgis_square_grid() throws SQLException {
    int zoom = 14;
    JsonNode heat = ok(app.loginDemo("demo_admin"), heat(HESHAN, zoom));
    assertEquals(zoom, heat.get("zoom").asInt());
    Map<String, Long> ours = new HashMap<>();
    heat.get("features")
        .forEach(f -> ours.put(f.get("id").asText(), f.get("properties").get("count").asLong()));
    Map<String, Long> postgis = new HashMap<>();
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        PreparedStatement ps =
            c.prepareStatement(
                """
                SELECT g.i, g.j, count(*)
                  FROM ST_SquareGrid(?, ST_Transform(ST_MakeEnvelope(117.06, 36.63, 117.18, 36.71, 4326), 3857)) g
                  JOIN event e ON ST_Intersects(g.geom, ST_Transform(e.location, 3857))
                 WHERE e.type = ?
                   AND e.location && ST_MakeEnvelope(117.06, 36.63, 117.18, 36.71, 4326)
                 GROUP BY g.i, g.j""")) {
      ps.setDouble(1, CellGrid.ofZoom(zoom).size());
      ps.setString(2, TYPE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          postgis.put(zoom + "/" + rs.getInt(1) + "/" + rs.getInt(2), rs.getLong(3));
        }
      }
    }
    assertEquals(postgis, ours);
  }

  @Test
  void the_dense_grid_is_a_hot_spot_at_99_percent() {
    JsonNode h =
        ok(
            app.loginDemo("heshan_leader"),
            "/api/analytics/hotspots?type=" + TYPE + "&bbox=" + BOTH_TOWNS + "&zoom=15");
    assertEquals("Getis-Ord Gi*", h.get("method").asText());
    assertTrue(h.get("neighbourhood").asText().contains("8 surrounding cells"));
    assertTrue(h.get("studyCells").asInt() > 100, "empty cells of the town are in the study area");
    int hot99 = 0;
    for (JsonNode f : h.get("features")) {
      if (f.get("properties").get("class").asText().equals("hot-99")) {
        hot99++;
        assertTrue(f.get("properties").get("z").asDouble() >= 2.576);
      }
    }
    assertTrue(hot99 > 0, "no cell is hot at 99%");
  }

  @Test
  void zoomed_in_far_with_few_events_the_answer_is_the_events_themselves() {
    JsonNode heat = ok(app.loginDemo("heping_leader"), heat("117.10,36.66,117.14,36.69", 17));
    assertEquals("points", heat.get("mode").asText());
    JsonNode first = heat.get("features").get(0);
    assertEquals("Point", first.get("geometry").get("type").asText());
    assertEquals(TYPE, first.get("properties").get("type").asText());
  }

  @Test
  void a_view_with_too_many_cells_is_answered_at_a_coarser_zoom() {
    JsonNode heat = ok(app.loginDemo("demo_admin"), heat("100,20,130,50", 18));
    assertTrue(heat.get("zoom").asInt() < 18);
    assertEquals(450, heat.get("total").asLong());
  }

  @Test
  void bad_parameters_are_answered_400_with_the_parameter_named() {
    Caller admin = app.loginDemo("demo_admin");
    for (String query :
        new String[] {
          "zoom=12",
          "bbox=1,2,3&zoom=12",
          "bbox=3,2,1,4&zoom=12",
          "bbox=" + BOTH_TOWNS,
          "bbox=" + BOTH_TOWNS + "&zoom=23",
          "bbox=" + BOTH_TOWNS + "&zoom=12&from=2025-02-01&to=2025-01-01",
          "bbox=" + BOTH_TOWNS + "&zoom=12&from=yesterday"
        }) {
      HttpResponse<String> r = admin.get("/api/analytics/heat?" + query);
      assertEquals(400, r.statusCode(), query + " " + r.body());
      assertEquals("invalid_parameter", admin.json(r).get("error").asText(), query);
    }
  }

  @Test
  void the_public_may_not_see_the_analysis_and_leaders_only_their_own_areas() {
    assertEquals(401, app.anonymous().get(heat(BOTH_TOWNS, 12)).statusCode());
    assertEquals(
        403,
        app.loginDemo("heshan_leader").get(heat(BOTH_TOWNS, 12) + "&area=370112102").statusCode());
    assertEquals(
        200,
        app.loginDemo("heshan_leader")
            .get(heat(BOTH_TOWNS, 12) + "&area=370112101001")
            .statusCode());
  }

  private static long count(String pathPattern) {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM event WHERE type = ? AND path LIKE ?")) {
      ps.setString(1, TYPE);
      ps.setString(2, pathPattern);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
