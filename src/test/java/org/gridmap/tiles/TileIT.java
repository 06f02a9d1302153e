package org.gridmap.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.gridmap.testing.Db;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vector tiles and TileJSON over HTTP on the demo towns. */
class TileIT {
  /** A tile with Heshan grids in it (the first Heping grids). */
  static final TileCoord HESHAN_TILE = TileCoord.ofZXY(14, 13522, 6395);

  private final TestApp app = TestApp.shared();
  private final HttpClient http = HttpClient.newHttpClient();

  static String path(String collection, TileCoord t) {
    return "/tiles/" + collection + "/" + t + ".mvt";
  }

  @Test
  void a_tile_with_grids_is_a_mapbox_vector_tile() throws Exception {
    HttpResponse<byte[]> r = get(path("grids", HESHAN_TILE), null);
    assertEquals(200, r.statusCode());
    assertEquals(
        "application/vnd.mapbox-vector-tile", r.headers().firstValue("content-type").orElse(""));
    assertTrue(r.body().length > 100);
    String raw = new String(r.body(), StandardCharsets.UTF_8);
    assertTrue(raw.contains("grids"), "the MVT layer is named after the collection");
    assertTrue(raw.contains("370112101001001"), "codes are attributes");
  }

  @Test
  void a_client_accepting_gzip_gets_the_same_tile_compressed() throws Exception {
    byte[] raw = get(path("grids", HESHAN_TILE), null).body();
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + path("grids", HESHAN_TILE)))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", r.headers().firstValue("content-encoding").orElse(""));
    assertEquals(String.valueOf(r.body().length), r.headers().firstValue("content-length").get());
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
      assertTrue(java.util.Arrays.equals(raw, in.readAllBytes()));
    }
    assertTrue(r.body().length < raw.length);
  }

  @Test
  void a_tile_without_features_is_204() throws Exception {
    assertEquals(204, get(path("grids", TileCoord.ofZXY(14, 0, 0)), null).statusCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/tiles/grids/23/0/0.mvt",
        "/tiles/grids/3/8/0.mvt",
        "/tiles/grids/3/0/8.mvt",
        "/tiles/grids/3/-1/0.mvt",
        "/tiles/grids/3/a/0.mvt",
        "/tiles/grids/99999999999/0/0.mvt"
      })
  void tiles_outside_the_pyramid_are_400_json(String path) {
    HttpResponse<String> r = app.get(path);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("invalid_tile", app.json(r).get("error").asText());
  }

  @Test
  void an_unknown_collection_is_404_json() {
    HttpResponse<String> r = app.get(path("planets", HESHAN_TILE));
    assertEquals(404, r.statusCode());
    assertEquals("collection_not_found", app.json(r).get("error").asText());
    assertEquals(404, app.get("/tiles/planets.json").statusCode());
  }

  @Test
  void tilejson_describes_the_tiles_of_a_collection() {
    JsonNode tj = app.getJson("/tiles/grids.json");
    assertEquals("3.0.0", tj.get("tilejson").asText());
    assertEquals(app.baseUrl() + "/tiles/grids/{z}/{x}/{y}.mvt", tj.at("/tiles/0").asText());
    assertEquals("grids", tj.at("/vector_layers/0/id").asText());
    assertEquals("String", tj.at("/vector_layers/0/fields/code").asText());
    double west = tj.at("/bounds/0").asDouble();
    assertTrue(west > 117 && west < 117.2, "bounds around the demo towns: " + tj.get("bounds"));
  }

  @Test
  void a_client_revalidates_with_the_etag_and_gets_304() throws Exception {
    HttpResponse<byte[]> first = get(path("grids", HESHAN_TILE), null);
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertEquals(etag, get(path("grids", HESHAN_TILE), null).headers().firstValue("etag").get());
    HttpResponse<byte[]> again = get(path("grids", HESHAN_TILE), etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
  }

  @Test
  void an_edit_of_a_grid_is_served_at_once_and_the_towns_stay_cached() throws Exception {
    String grid = "370112101001001";
    String name = Db.value("SELECT name FROM area WHERE code = ? AND valid_to IS NULL", grid);
    String grids = path("grids", HESHAN_TILE);
    String towns = path("towns", HESHAN_TILE);
    String gridsBefore = get(grids, null).headers().firstValue("etag").orElseThrow();
    String townsBefore = get(towns, null).headers().firstValue("etag").orElseThrow();
    try {
      Db.update("UPDATE area SET name = ? WHERE code = ? AND valid_to IS NULL", "改名网格", grid);
      HttpResponse<byte[]> after = get(grids, gridsBefore);
      assertEquals(200, after.statusCode(), "the old ETag no longer matches");
      assertNotEquals(gridsBefore, after.headers().firstValue("etag").orElseThrow());
      assertTrue(new String(after.body(), StandardCharsets.UTF_8).contains("改名网格"));
      assertEquals(304, get(towns, townsBefore).statusCode(), "towns did not change");
    } finally {
      Db.update("UPDATE area SET name = ? WHERE code = ? AND valid_to IS NULL", name, grid);
    }
    HttpResponse<byte[]> restored = get(grids, null);
    assertTrue(new String(restored.body(), StandardCharsets.UTF_8).contains(name));
  }

  private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
