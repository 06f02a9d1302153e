package org.gridmap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.testing.Db;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.TestLayers;
import org.gridmap.tiles.TileCoord;
import org.junit.jupiter.api.Test;

/**
 * An internal layer (the test-only {@value TestLayers#PLACES}, one place in each demo grid): the
 * public does not see it, staff see the places of their own area scope only, applied in the query
 * (counts, pages, single features and tiles alike).
 */
class InternalLayerIT {
  private static final String ITEMS = "/ogc/collections/" + TestLayers.PLACES + "/items";
  private static final String HESHAN = "370112101";
  private static final String HEPING = "370112101001";

  private final TestApp app = TestLayers.app();

  private Caller staff(String username) {
    return app.login(username, TestApp.shared().demoPassword(username));
  }

  @Test
  void the_public_does_not_see_an_internal_collection() {
    List<String> ids = new ArrayList<>();
    app.getJson("/ogc/collections").get("collections").forEach(c -> ids.add(c.get("id").asText()));
    assertFalse(ids.contains(TestLayers.PLACES), ids.toString());
    assertTrue(ids.contains(TestLayers.POINTS), "public test layer listed");
    assertTrue(app.getJson("/ogc/api").at("/paths/~1collections~1test_places").isMissingNode());
    for (String path :
        List.of(
            ITEMS,
            ITEMS + "/1",
            "/ogc/collections/" + TestLayers.PLACES,
            "/api/layers/" + TestLayers.PLACES + ".geojson",
            "/tiles/" + TestLayers.PLACES + "/14/13522/6395.mvt")) {
      HttpResponse<String> r = app.get(path);
      assertEquals(401, r.statusCode(), path);
      assertEquals("login_required", app.json(r).get("error").asText());
    }
  }

  @Test
  void staff_see_the_places_in_their_scope_only() {
    assertEquals(placesUnder(HEPING), grids(staff("heping_leader"), ITEMS + "?limit=1000"));
    assertEquals(placesUnder(HESHAN), grids(staff("heshan_leader"), ITEMS + "?limit=1000"));
    assertEquals(placesUnder(""), grids(staff("demo_admin"), ITEMS + "?limit=1000"));
    Caller leader = staff("heping_leader");
    JsonNode page = leader.json(leader.get(ITEMS + "?limit=2"));
    assertEquals(placesUnder(HEPING).size(), page.get("numberMatched").asInt());
    assertEquals(
        placesUnder(HEPING),
        grids(leader, "/api/layers/" + TestLayers.PLACES + ".geojson"),
        "the bulk export honours the scope too");
    List<String> ids = new ArrayList<>();
    leader
        .json(leader.get("/ogc/collections"))
        .get("collections")
        .forEach(c -> ids.add(c.get("id").asText()));
    assertTrue(ids.contains(TestLayers.PLACES));
  }

  @Test
  void a_place_outside_the_scope_is_not_found() {
    String xuzhuangPlace = Db.value("SELECT min(id) FROM test_places WHERE grid LIKE '370112102%'");
    Caller leader = staff("heping_leader");
    assertEquals(404, leader.get(ITEMS + "/" + xuzhuangPlace).statusCode());
    Caller admin = staff("demo_admin");
    assertEquals(200, admin.get(ITEMS + "/" + xuzhuangPlace).statusCode());
  }

  @Test
  void tiles_of_an_internal_layer_hold_the_places_in_scope_only() {
    String lonLat =
        Db.value(
            "SELECT ST_X(geom) || ' ' || ST_Y(geom) FROM test_places WHERE grid LIKE '370112102%'"
                + " ORDER BY id LIMIT 1");
    String[] p = lonLat.split(" ");
    TileCoord t = TileCoord.containing(Double.parseDouble(p[0]), Double.parseDouble(p[1]), 16);
    String tile = "/tiles/" + TestLayers.PLACES + "/" + t + ".mvt";
    assertEquals(200, staff("demo_admin").get(tile).statusCode());
    assertEquals(204, staff("heping_leader").get(tile).statusCode(), "Xuzhuang is out of scope");
  }

  @Test
  void datetime_selects_places_by_their_time() {
    Caller admin = staff("demo_admin");
    assertEquals(
        List.of("1", "2", "3", "4", "5"),
        ids(admin, ITEMS + "?datetime=2026-03-01T01:00:00Z/2026-03-01T05:00:00Z"));
    assertEquals(List.of("3"), ids(admin, ITEMS + "?datetime=2026-03-01T03:00:00Z"));
    assertEquals(List.of("1", "2"), ids(admin, ITEMS + "?datetime=../2026-03-01T02:00:00Z"));
    JsonNode collection = admin.json(admin.get("/ogc/collections/" + TestLayers.PLACES));
    assertEquals("2026-03-01T01:00:00Z", collection.at("/extent/temporal/interval/0/0").asText());
  }

  @Test
  void integer_properties_filter_by_number_and_refuse_text() {
    Caller admin = staff("demo_admin");
    assertEquals(List.of("3"), ids(admin, ITEMS + "?n=3"));
    HttpResponse<String> r = admin.get(ITEMS + "?n=three");
    assertEquals(400, r.statusCode());
    assertTrue(admin.json(r).get("message").asText().contains("'n'"));
  }

  private static List<String> placesUnder(String areaCode) {
    return Db.column("SELECT grid FROM test_places WHERE grid LIKE ? ORDER BY id", areaCode + "%");
  }

  private static List<String> grids(Caller caller, String path) {
    HttpResponse<String> r = caller.get(path);
    assertEquals(200, r.statusCode(), path + " " + r.body());
    List<String> grids = new ArrayList<>();
    caller.json(r).get("features").forEach(f -> grids.add(f.at("/properties/grid").asText()));
    return grids;
  }

  private static List<String> ids(Caller caller, String path) {
    HttpResponse<String> r = caller.get(path);
    assertEquals(200, r.statusCode(), path + " " + r.body());
    List<String> ids = new ArrayList<>();
    caller.json(r).get("features").forEach(f -> ids.add(f.get("id").asText()));
    return ids;
  }
}
