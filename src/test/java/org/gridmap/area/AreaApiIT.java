package org.gridmap.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The area API over HTTP on a real port, against real PostGIS with the demo data. */
class AreaApiIT {
  static final String HESHAN = "370112101";
  static final String XUZHUANG = "370112102";

  private final TestApp app = TestApp.shared();

  @Test
  void grid_list_has_68_heshan_grids_and_the_xuzhuang_grids() {
    JsonNode grids = app.getJson("/api/areas?level=grid");
    int heshan = 0;
    int xuzhuang = 0;
    for (JsonNode g : grids) {
      assertEquals("grid", g.get("level").asText());
      assertTrue(g.get("parent").isTextual());
      assertTrue(!g.has("boundary") && !g.has("geometry"), "no geometry in lists");
      if (g.get("code").asText().startsWith(HESHAN)) {
        heshan++;
      } else if (g.get("code").asText().startsWith(XUZHUANG)) {
        xuzhuang++;
      }
    }
    assertEquals(68, heshan);
    assertTrue(xuzhuang >= 14, "every Xuzhuang village has at least one grid");
    assertEquals(grids.size(), heshan + xuzhuang);
  }

  @Test
  void communities_of_each_town_are_listed_by_parent() {
    assertEquals(7, app.getJson("/api/areas?level=community&parent=" + HESHAN).size());
    assertEquals(14, app.getJson("/api/areas?parent=" + XUZHUANG).size());
    assertEquals(2, app.getJson("/api/areas?level=town").size());
  }

  @Test
  void a_grid_shows_its_path_from_town_to_grid() {
    String grid = app.getJson("/api/areas?level=grid").get(0).get("code").asText();
    JsonNode area = app.getJson("/api/areas/" + grid);
    List<String> levels = new ArrayList<>();
    area.get("path").forEach(p -> levels.add(p.get("level").asText()));
    assertEquals(List.of("town", "community", "grid"), levels);
    assertEquals(grid, area.get("path").get(2).get("code").asText());
    assertEquals(area.get("parent").asText(), area.get("path").get(1).get("code").asText());
  }

  @Test
  void children_of_a_community_are_its_grids() {
    JsonNode community = app.getJson("/api/areas?level=community&parent=" + HESHAN).get(0);
    String code = community.get("code").asText();
    JsonNode children = app.getJson("/api/areas/" + code + "/children");
    assertTrue(children.size() >= 1);
    children.forEach(c -> assertEquals(code, c.get("parent").asText()));
  }

  @Test
  void geojson_of_an_area_is_a_feature_with_a_multipolygon() {
    HttpResponse<String> r = app.get("/api/areas/" + HESHAN + ".geojson");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers().firstValue("content-type").orElse("").startsWith("application/geo+json"));
    JsonNode f = app.json(r);
    assertEquals("Feature", f.get("type").asText());
    assertEquals(HESHAN, f.get("id").asText());
    assertEquals("MultiPolygon", f.get("geometry").get("type").asText());
    JsonNode first = f.get("geometry").get("coordinates").get(0).get(0).get(0);
    double lon = first.get(0).asDouble();
    double lat = first.get(1).asDouble();
    assertTrue(lon > 73 && lon < 135 && lat > 18 && lat < 54, "lon/lat order, in China");
  }

  @Test
  void feature_collection_of_grids_streams_every_grid() {
    JsonNode fc = app.getJson("/api/areas.geojson?level=grid");
    assertEquals("FeatureCollection", fc.get("type").asText());
    assertEquals(app.getJson("/api/areas?level=grid").size(), fc.get("features").size());
  }

  @Test
  void unknown_area_is_404_json() {
    HttpResponse<String> r = app.get("/api/areas/NOPE");
    assertEquals(404, r.statusCode());
    assertEquals("area_not_found", app.json(r).get("error").asText());
    assertEquals(404, app.get("/api/areas/NOPE.geojson").statusCode());
    assertEquals(404, app.get("/api/areas/NOPE/children").statusCode());
  }

  @Test
  void unknown_level_is_400_naming_the_parameter() {
    HttpResponse<String> r = app.get("/api/areas?level=planet");
    assertEquals(400, r.statusCode());
    assertTrue(app.json(r).get("message").asText().contains("'level'"));
  }

  @Test
  void unknown_route_is_404_json_without_stack_trace() {
    HttpResponse<String> r = app.get("/api/no-such-thing");
    assertEquals(404, r.statusCode());
    JsonNode body = app.json(r);
    assertEquals("not_found", body.get("error").asText());
    assertTrue(!r.body().contains("Exception") && !r.body().contains("at org."));
  }

  @Test
  void boundaries_are_simplified_for_a_zoom_level_and_stay_multipolygons() {
    int full = app.get("/api/areas.geojson?level=grid").body().split("],\\[").length;
    JsonNode simplified = app.getJson("/api/areas.geojson?level=grid&zoom=10");
    int fewer = simplified.toString().split("],\\[").length;
    assertTrue(fewer < full, fewer + " positions, not fewer than " + full);
    simplified
        .get("features")
        .forEach(f -> assertEquals("MultiPolygon", f.at("/geometry/type").asText()));
    assertEquals(400, app.get("/api/areas.geojson?zoom=3&simplify=10").statusCode());
  }

  @Test
  void bad_precision_is_400_json() {
    HttpResponse<String> r = app.get("/api/areas.geojson?level=grid&precision=99");
    assertEquals(400, r.statusCode());
    assertEquals("invalid_parameter", app.json(r).get("error").asText());
  }
}
