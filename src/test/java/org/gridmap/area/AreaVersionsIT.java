package org.gridmap.area;

import static org.gridmap.area.ImportFixtures.box;
import static org.gridmap.area.ImportFixtures.collection;
import static org.gridmap.area.ImportFixtures.feature;
import static org.gridmap.area.ImportFixtures.importGeoJson;
import static org.gridmap.area.ImportFixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Re-importing a level creates new versions and keeps the old ones with their validity interval;
 * {@code ?at=} reads the boundaries of any moment. One story, in order: two communities, grids
 * whose parents are found spatially (one straddles both), a micro-grid under one grid, then a
 * re-import that moves, reshapes, removes and adds grids.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AreaVersionsIT {
  private static TestApp app;
  private static Caller admin;
  private static String beforeRedraw;

  @BeforeAll
  static void communities() {
    app = TestApp.imports();
    admin = app.loginDemo("demo_admin");
    ImportFixtures.root(app, "VER", 100, 30, 101, 31);
    HttpResponse<String> r =
        importGeoJson(
            admin,
            "level=community&parent=VER",
            collection(
                feature("VER-A", "甲社区", box(100, 30, 100.5, 31)),
                feature("VER-B", "乙社区", box(100.5, 30, 101, 31))));
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  @Order(1)
  void a_dry_run_reports_parents_and_straddlers_and_stores_nothing() {
    long before = ImportFixtures.count(app, "SELECT count(*) FROM area");
    HttpResponse<String> r = importGeoJson(admin, "level=grid&dryRun=true", grids());
    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = admin.json(r);
    assertEquals("dry_run", report.get("status").asText());
    assertEquals(List.of("VER-A", "VER-B"), texts(report.get("parents")));
    JsonNode straddler = report.get("straddlers").get(0);
    assertEquals(1, report.get("straddlers").size());
    assertEquals("VER-G3", straddler.get("code").asText());
    assertEquals(50, straddler.get("parents").get(0).get("percent").asDouble(), 0.5);
    assertEquals(3, report.get("changes").get("added").size());
    assertEquals(before, ImportFixtures.count(app, "SELECT count(*) FROM area"));
  }

  @Test
  @Order(2)
  void grids_go_under_the_community_holding_most_of_each() {
    HttpResponse<String> r = importGeoJson(admin, "level=grid", grids());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("VER-A", app.getJson("/api/areas/VER-G1").get("parent").asText());
    assertEquals("VER-B", app.getJson("/api/areas/VER-G2").get("parent").asText());
    HttpResponse<String> m =
        importGeoJson(
            admin,
            "level=microgrid&parent=VER-G1",
            collection(feature("VER-M1", "微网格", box(100.1, 30.1, 100.15, 30.15))));
    assertEquals(200, m.statusCode(), m.body());
    beforeRedraw = admin.json(r).get("validFrom").asText();
    assertNotNull(beforeRedraw);
  }

  @Test
  @Order(3)
  void removing_an_area_that_still_has_children_is_refused_naming_them() {
    long before = ImportFixtures.count(app, "SELECT count(*) FROM area");
    HttpResponse<String> r =
        importGeoJson(
            admin,
            "level=grid&parent=VER-A",
            collection(feature("VER-G3", "三网格", box(100.45, 30.5, 100.55, 30.6))));
    assertEquals(409, r.statusCode(), r.body());
    JsonNode problem = admin.json(r).get("details").get("problems").get(0);
    assertEquals("removed_area_has_children", problem.get("reason").asText());
    assertEquals("VER-G1", problem.get("code").asText());
    assertTrue(problem.get("message").asText().contains("VER-M1"));
    assertEquals(before, ImportFixtures.count(app, "SELECT count(*) FROM area"));
  }

  @Test
  @Order(4)
  void a_code_held_by_an_area_of_another_level_is_a_conflict() {
    HttpResponse<String> r =
        importGeoJson(
            admin,
            "level=grid&parent=VER-B",
            collection(feature("VER-A", "重名", box(100.6, 30.6, 100.7, 30.7))));
    assertEquals(409, r.statusCode(), r.body());
    assertEquals(
        "code_in_use", admin.json(r).get("details").get("problems").get(0).get("reason").asText());
  }

  @Test
  @Order(5)
  void a_redraw_versions_the_changed_grids_and_the_past_stays_readable() {
    HttpResponse<String> redraw =
        importGeoJson(
            admin,
            "level=grid",
            collection(
                feature("VER-G1", "一网格", box(100.6, 30.1, 100.7, 30.2)),
                feature("VER-G2", "二网格", box(100.6, 30.5, 100.7, 30.6)),
                feature("VER-G4", "四网格", box(100.1, 30.5, 100.2, 30.6))));
    assertEquals(200, redraw.statusCode(), redraw.body());
    JsonNode changes = admin.json(redraw).get("changes");
    assertEquals(List.of("VER-G4"), codes(changes.get("added")));
    assertEquals(List.of("VER-G3"), codes(changes.get("removed")));
    assertEquals(List.of("VER-G1"), codes(changes.get("reshaped")));
    assertEquals("VER-A", changes.get("reshaped").get(0).get("parentBefore").asText());
    assertEquals("VER-B", changes.get("reshaped").get(0).get("parentAfter").asText());
    assertEquals(1, changes.get("unchanged").asInt());

    JsonNode g1 = app.getJson("/api/areas/VER-G1");
    assertEquals(2, g1.get("version").asInt());
    assertEquals("VER-B", g1.get("parent").asText());
    JsonNode micro = app.getJson("/api/areas/VER-M1");
    assertEquals(
        List.of("VER", "VER-B", "VER-G1", "VER-M1"),
        texts(micro.get("path"), "code"),
        "a micro-grid moves with its grid (its own boundary is the next import's business)");
    assertEquals(404, app.get("/api/areas/VER-G3").statusCode());

    String then = "?at=" + beforeRedraw;
    JsonNode oldG1 = app.getJson("/api/areas/VER-G1" + then);
    assertEquals(1, oldG1.get("version").asInt());
    assertEquals("VER-A", oldG1.get("parent").asText());
    assertEquals(admin.json(redraw).get("validFrom").asText(), oldG1.get("validTo").asText());
    assertEquals(200, app.get("/api/areas/VER-G3" + then).statusCode());
    assertEquals(
        List.of("VER-G1", "VER-G3"), codes(app.getJson("/api/areas/VER-A/children" + then)));
    assertEquals(List.of("VER-G4"), codes(app.getJson("/api/areas/VER-A/children")));
    JsonNode oldShape = app.getJson("/api/areas/VER-G1.geojson" + then);
    assertEquals(
        100.1,
        oldShape.get("geometry").get("coordinates").get(0).get(0).get(0).get(0).asDouble(),
        1e-9);
    assertEquals(
        2,
        app.getJson("/api/areas.geojson?level=grid&parent=VER-A&at=" + beforeRedraw)
            .get("features")
            .size());
  }

  @Test
  @Order(6)
  void a_time_that_is_not_iso_8601_is_a_bad_request() {
    HttpResponse<String> r = app.get("/api/areas/VER-G1?at=yesterday");
    assertEquals(400, r.statusCode());
    assertTrue(app.json(r).get("message").asText().contains("'at'"));
  }

  private static String grids() {
    return collection(
        feature("VER-G1", "一网格", box(100.1, 30.1, 100.2, 30.2)),
        feature("VER-G2", "二网格", box(100.6, 30.5, 100.7, 30.6)),
        feature("VER-G3", "三网格", box(100.45, 30.5, 100.55, 30.6)));
  }

  private static List<String> codes(JsonNode list) {
    return texts(list, "code");
  }
}
