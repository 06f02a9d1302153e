package org.gridmap.area;

import static org.gridmap.area.ImportFixtures.box;
import static org.gridmap.area.ImportFixtures.collection;
import static org.gridmap.area.ImportFixtures.feature;
import static org.gridmap.area.ImportFixtures.importGeoJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may import: admins anywhere, a town leader only under areas of their own town (given or found
 * spatially), nobody else; and every import, dry run and rejection is in the audit log with its
 * report.
 */
class ImportAccessIT {
  static final String HEPING = "370112101001";
  static final String XUZHUANG_VILLAGE = "370112102201";

  private static TestApp app;
  private static Caller admin;
  private static Caller heshanLeader;

  @BeforeAll
  static void login() {
    app = TestApp.imports();
    admin = app.loginDemo("demo_admin");
    heshanLeader = app.loginDemo("heshan_leader");
  }

  @Test
  void a_town_leader_reimports_grids_of_their_own_town_and_nothing_changes() {
    String grids = app.get("/api/areas.geojson?parent=" + HEPING).body();
    HttpResponse<String> r = importGeoJson(heshanLeader, "level=grid&parent=" + HEPING, grids);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode changes = heshanLeader.json(r).get("changes");
    assertEquals(8, changes.get("unchanged").asInt(), changes.toString());
    assertEquals(0, changes.get("reshaped").size() + changes.get("added").size());
    JsonNode coverage = heshanLeader.json(r).get("coverage");
    assertEquals(0, coverage.get("gaps").get("count").asInt());
    assertEquals(0, coverage.get("overlaps").get("count").asInt());
  }

  @Test
  void a_town_leader_may_not_import_under_another_town() {
    HttpResponse<String> r =
        importGeoJson(
            heshanLeader,
            "level=grid&parent=" + XUZHUANG_VILLAGE,
            collection(feature("XZ-NEW", "x", box(117.3, 36.6, 117.301, 36.601))));
    assertEquals(403, r.statusCode(), r.body());
  }

  @Test
  void a_town_leader_may_not_import_where_the_parents_found_lie_outside_their_town() {
    String villageGrids = app.get("/api/areas.geojson?parent=" + XUZHUANG_VILLAGE).body();
    HttpResponse<String> r = importGeoJson(heshanLeader, "level=grid&dryRun=true", villageGrids);
    assertEquals(403, r.statusCode(), r.body());
    assertTrue(heshanLeader.json(r).get("message").asText().contains(XUZHUANG_VILLAGE));
    HttpResponse<String> asAdmin = importGeoJson(admin, "level=grid&dryRun=true", villageGrids);
    assertEquals(200, asAdmin.statusCode(), asAdmin.body());
    assertEquals(
        XUZHUANG_VILLAGE, admin.json(asAdmin).get("parents").get(0).asText(), "found spatially");
  }

  @Test
  void community_leaders_and_grid_staff_may_not_import() {
    for (String who : new String[] {"heping_leader", "heping_grid1"}) {
      Caller c = app.loginDemo(who);
      assertEquals(
          403, importGeoJson(c, "level=grid&parent=" + HEPING, collection()).statusCode(), who);
    }
    assertEquals(401, importGeoJson(app.anonymous(), "level=grid", collection()).statusCode());
  }

  @Test
  void every_import_dry_run_and_rejection_is_audited_with_its_report() {
    ImportFixtures.root(app, "AUDIT", 90, 10, 91, 11);
    String file = collection(feature("AUDIT-1", "审计", box(90.1, 10.1, 90.2, 10.2)));
    assertEquals(
        200, importGeoJson(admin, "level=community&parent=AUDIT&dryRun=true", file).statusCode());
    assertEquals(200, importGeoJson(admin, "level=community&parent=AUDIT", file).statusCode());
    String broken =
        collection(feature("AUDIT-2", "坏", "{\"type\":\"Point\",\"coordinates\":[90.5,10.5]}"));
    assertEquals(422, importGeoJson(admin, "level=community&parent=AUDIT", broken).statusCode());

    JsonNode log = admin.json(admin.get("/api/audit?entity=area&entityId=community@AUDIT&size=10"));
    assertEquals(3, log.get("total").asInt(), log.toString());
    JsonNode rejected = log.get("items").get(0);
    JsonNode imported = log.get("items").get(1);
    JsonNode dryRun = log.get("items").get(2);
    assertEquals("area.import.rejected", rejected.get("action").asText());
    assertEquals("area.import", imported.get("action").asText());
    assertEquals("area.import.dry_run", dryRun.get("action").asText());
    assertEquals("demo_admin", imported.get("actor").asText());
    assertEquals(
        "AUDIT-1", imported.get("detail").get("changes").get("added").get(0).get("code").asText());
    assertEquals(
        "not_polygon", rejected.get("detail").get("problems").get(0).get("reason").asText());
    assertEquals(1, rejected.get("detail").get("problemCount").asInt());
  }
}
