package org.gridmap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.gridmap.testing.Db;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OGC API – Features over HTTP on the demo towns, checked against PostGIS itself. */
class OgcApiIT {
  static final String GRIDS = "/ogc/collections/grids/items";
  static final String HESHAN = "370112101";
  static final String HEPING = "370112101001";

  private final TestApp app = TestApp.shared();

  @Test
  void landing_page_links_to_the_api_the_conformance_classes_and_the_collections() {
    JsonNode landing = app.getJson("/ogc");
    Set<String> rels = new HashSet<>();
    landing.get("links").forEach(l -> rels.add(l.get("rel").asText()));
    assertTrue(rels.containsAll(Set.of("self", "service-desc", "conformance", "data")), "" + rels);
    for (JsonNode link : landing.get("links")) {
      assertTrue(link.get("href").asText().startsWith(app.baseUrl() + "/ogc"), "absolute links");
    }
  }

  @Test
  void conformance_lists_core_geojson_and_openapi() {
    JsonNode classes = app.getJson("/ogc/conformance").get("conformsTo");
    List<String> list = new ArrayList<>();
    classes.forEach(c -> list.add(c.asText()));
    assertEquals(OgcRoutes.CONFORMANCE, list);
  }

  @Test
  void the_api_is_an_openapi_3_document_with_its_media_type() {
    HttpResponse<String> r = app.get("/ogc/api");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers()
            .firstValue("content-type")
            .orElse("")
            .startsWith("application/vnd.oai.openapi+json;version=3.0"));
    JsonNode doc = app.json(r);
    assertTrue(doc.get("openapi").asText().startsWith("3.0."));
    assertFalse(doc.at("/paths/~1collections~1grids~1items").isMissingNode());
    assertFalse(r.body().contains("\"$ref\":\"http"), "no remote references");
  }

  @Test
  void collections_are_the_area_levels_that_have_areas_each_with_extent_and_crs() {
    JsonNode collections = app.getJson("/ogc/collections").get("collections");
    List<String> ids = new ArrayList<>();
    collections.forEach(c -> ids.add(c.get("id").asText()));
    assertEquals(List.of("towns", "communities", "grids", "places"), ids);
    for (JsonNode c : collections) {
      assertFalse(c.get("title").asText().isBlank());
      assertEquals(OgcRoutes.CRS84, c.at("/crs/0").asText());
      assertEquals(OgcRoutes.CRS84, c.at("/extent/spatial/crs").asText());
      JsonNode bbox = c.at("/extent/spatial/bbox/0");
      String level = c.get("id").asText().equals("towns") ? "town" : c.get("id").asText();
      String extent =
          c.get("id").asText().equals("places")
              ? Db.value(
                  "SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) FROM"
                      + " (SELECT ST_Extent(geom) e FROM key_place WHERE ? = 'places') s",
                  "places")
              : Db.value(
                  "SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) FROM"
                      + " (SELECT ST_Extent(a.boundary) e FROM area a JOIN area_level l ON"
                      + " l.code = a.level WHERE l.collection = ? AND a.valid_to IS NULL) s",
                  c.get("id").asText());
      String[] expected = extent.split(",");
      for (int i = 0; i < 4; i++) {
        assertEquals(Double.parseDouble(expected[i]), bbox.get(i).asDouble(), 1e-6, level);
      }
    }
  }

  @Test
  void a_collection_answers_alone_and_an_unknown_one_is_404_json() {
    assertEquals("grids", app.getJson("/ogc/collections/grids").get("id").asText());
    HttpResponse<String> r = app.get("/ogc/collections/planets");
    assertEquals(404, r.statusCode());
    assertEquals("collection_not_found", app.json(r).get("error").asText());
    assertEquals(404, app.get("/ogc/collections/planets/items").statusCode());
    assertEquals(404, app.get("/ogc/collections/planets/items/1").statusCode());
  }

  @Test
  void items_are_geojson_with_the_numbers_matched_and_returned() {
    HttpResponse<String> r = app.get(GRIDS);
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers().firstValue("content-type").orElse("").startsWith("application/geo+json"));
    JsonNode page = app.json(r);
    long grids = gridCount();
    assertEquals("FeatureCollection", page.get("type").asText());
    assertEquals(grids, page.get("numberMatched").asLong());
    assertEquals(Math.min(100, grids), page.get("numberReturned").asLong());
    assertEquals(page.get("numberReturned").asInt(), page.get("features").size());
    JsonNode f = page.at("/features/0");
    assertEquals(f.get("id").asText(), f.at("/properties/code").asText());
    assertEquals("grid", f.at("/properties/level").asText());
    assertEquals("MultiPolygon", f.at("/geometry/type").asText());
  }

  @Test
  void following_next_links_returns_every_grid_exactly_once() {
    List<String> codes = new ArrayList<>();
    String url = app.baseUrl() + GRIDS + "?limit=7";
    int pages = 0;
    while (url != null) {
      JsonNode page = app.getJson(url.substring(app.baseUrl().length()));
      page.get("features").forEach(f -> codes.add(f.get("id").asText()));
      url = null;
      for (JsonNode link : page.get("links")) {
        if (link.get("rel").asText().equals("next")) {
          url = link.get("href").asText();
        }
      }
      pages++;
    }
    assertEquals(gridCodes(), codes);
    assertEquals((gridCount() + 6) / 7, pages);
  }

  @Test
  void a_limit_above_the_maximum_is_lowered_not_refused() {
    HttpResponse<String> r = app.get(GRIDS + "?limit=50000");
    assertEquals(200, r.statusCode());
    assertEquals(gridCount(), app.json(r).get("numberReturned").asLong());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bbox=1,2,3|bbox",
        "bbox=a,b,c,d|bbox",
        "bbox=117,37,118,36|bbox",
        "bbox=200,0,201,1|bbox",
        "limit=0|limit",
        "limit=ten|limit",
        "offset=-1|offset",
        "datetime=yesterday|datetime",
        "precision=99|precision",
        "zoom=30|zoom",
        "simplify=-5|simplify",
        "zoom=5&simplify=10|zoom",
        "f=html|f",
        "colour=red|colour",
        "limit=1&limit=2|limit",
        "code=1&code=2|code"
      })
  void bad_parameters_answer_400_json_naming_the_parameter(String query, String name) {
    HttpResponse<String> r = app.get(GRIDS + "?" + query);
    assertEquals(400, r.statusCode(), query + " " + r.body());
    JsonNode error = app.json(r);
    assertTrue(error.get("error").asText().matches("invalid_parameter|unknown_parameter"));
    assertTrue(error.get("message").asText().contains("'" + name + "'"), error.toString());
  }

  @Test
  void an_unknown_parameter_answer_lists_the_known_ones() {
    String message = app.json(app.get(GRIDS + "?colour=red")).get("message").asText();
    assertTrue(message.contains("bbox") && message.contains("parent") && message.contains("limit"));
    assertEquals(400, app.get("/ogc/collections?colour=red").statusCode());
    assertEquals(400, app.get("/ogc?limit=5").statusCode());
  }

  @Test
  void a_bbox_across_the_antimeridian_is_a_valid_request() {
    HttpResponse<String> r = app.get(GRIDS + "?bbox=170,-10,-170,10");
    assertEquals(200, r.statusCode());
    assertEquals(0, app.json(r).get("numberMatched").asLong(), "the demo is in Shandong");
  }

  @Test
  void a_bbox_selects_the_grids_that_intersect_it() {
    String bbox = "117.11,36.67,117.125,36.68";
    List<String> expected =
        Db.column(
            "SELECT code FROM area WHERE level = 'grid' AND valid_to IS NULL"
                + " AND ST_Intersects(boundary, ST_MakeEnvelope(117.11, 36.67, 117.125, 36.68, 4326))"
                + " ORDER BY code");
    assertTrue(expected.size() >= 3 && expected.size() < gridCount(), "a partial selection");
    assertEquals(expected, codes(app.getJson(GRIDS + "?limit=1000&bbox=" + bbox)));
  }

  @Test
  void property_filters_select_by_code_and_by_parent() {
    JsonNode heping = app.getJson(GRIDS + "?parent=" + HEPING);
    assertEquals(
        Db.column(
            "SELECT code FROM area WHERE parent_code = ? AND valid_to IS NULL ORDER BY code",
            HEPING),
        codes(heping));
    JsonNode one = app.getJson("/ogc/collections/communities/items?code=" + HEPING);
    assertEquals(List.of(HEPING), codes(one));
    assertEquals(0, app.getJson(GRIDS + "?code=nope").get("numberMatched").asInt());
  }

  @Test
  void one_item_is_a_feature_with_links_and_an_unknown_one_is_404_json() {
    String grid = gridCodes().get(0);
    HttpResponse<String> r = app.get(GRIDS + "/" + grid);
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers().firstValue("content-type").orElse("").startsWith("application/geo+json"));
    JsonNode f = app.json(r);
    assertEquals("Feature", f.get("type").asText());
    assertEquals(grid, f.get("id").asText());
    assertEquals("self", f.at("/links/0/rel").asText());
    HttpResponse<String> missing = app.get(GRIDS + "/NOPE");
    assertEquals(404, missing.statusCode());
    assertEquals("feature_not_found", app.json(missing).get("error").asText());
    assertEquals(404, app.get("/ogc/collections/towns/items/" + grid).statusCode(), "wrong level");
  }

  @Test
  void items_are_gzipped_when_the_client_accepts_it() throws Exception {
    HttpResponse<InputStream> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + GRIDS + "?limit=1000"))
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals("gzip", r.headers().firstValue("content-encoding").orElse(""));
    try (InputStream in = new GZIPInputStream(r.body())) {
      JsonNode page = new ObjectMapper().readTree(in);
      assertEquals(gridCount(), page.get("features").size());
    }
  }

  @Test
  void coordinates_have_the_requested_precision() {
    JsonNode f = app.getJson(GRIDS + "?limit=1&precision=3").at("/features/0/geometry");
    String text = f.get("coordinates").toString();
    assertTrue(text.matches("[\\[\\],0-9.-]+"), text);
    for (String number : text.replaceAll("[\\[\\]]", ",").split(",+")) {
      if (!number.isEmpty()) {
        int dot = number.indexOf('.');
        assertTrue(dot < 0 || number.length() - dot - 1 <= 3, number);
      }
    }
  }

  @Test
  void simplify_and_zoom_thin_boundaries_and_keep_them_multipolygons() {
    long full = vertices(app.getJson(GRIDS + "?limit=1000"));
    long simplified = vertices(app.getJson(GRIDS + "?limit=1000&simplify=30"));
    long zoom10 = vertices(app.getJson(GRIDS + "?limit=1000&zoom=10"));
    assertTrue(simplified < full, simplified + " < " + full);
    assertTrue(zoom10 < simplified, zoom10 + " < " + simplified);
    app.getJson(GRIDS + "?limit=1000&zoom=10")
        .get("features")
        .forEach(f -> assertEquals("MultiPolygon", f.at("/geometry/type").asText()));
  }

  @Test
  void datetime_is_accepted_and_ignored_on_layers_without_time() {
    JsonNode page = app.getJson(GRIDS + "?datetime=2000-01-01T00:00:00Z/..");
    assertEquals(gridCount(), page.get("numberMatched").asLong());
  }

  @Test
  void the_bulk_export_holds_every_feature_of_the_layer() {
    HttpResponse<String> r = app.get("/api/layers/grids.geojson");
    assertEquals(200, r.statusCode());
    JsonNode fc = app.json(r);
    assertEquals("FeatureCollection", fc.get("type").asText());
    assertEquals(gridCodes(), codes(fc));
    assertEquals(400, app.get("/api/layers/grids.geojson?limit=5").statusCode(), "no paging");
    assertEquals(
        Db.column(
            "SELECT code FROM area WHERE parent_code = ? AND valid_to IS NULL ORDER BY code",
            HEPING),
        codes(app.getJson("/api/layers/grids.geojson?parent=" + HEPING)));
  }

  private static long vertices(JsonNode fc) {
    long n = 0;
    for (JsonNode f : fc.get("features")) {
      n += f.at("/geometry/coordinates").toString().split("],\\[").length;
    }
    return n;
  }

  static List<String> codes(JsonNode fc) {
    List<String> codes = new ArrayList<>();
    fc.get("features").forEach(f -> codes.add(f.get("id").asText()));
    return codes;
  }

  static long gridCount() {
    return Db.number("SELECT count(*) FROM area WHERE level = 'grid' AND valid_to IS NULL");
  }

  static List<String> gridCodes() {
    return new ArrayList<>(
        new TreeSet<>(
            Db.column("SELECT code FROM area WHERE level = 'grid' AND valid_to IS NULL")));
  }
}
