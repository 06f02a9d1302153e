package org.gridmap.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gridmap.geo.ChinaOffsets;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/buildings/import}: a file with one bad row is refused whole, naming the row and
 * field, and nothing of it is stored; good files are stored in the right grids from any CRS.
 */
class BuildingImportIT {
  private static final String HEADER =
      "id,address,lon,lat,households,registered_residents,floating_residents,rental_units\n";
  private static final String GRID = "370112101001003";

  private static TestApp app;
  private static Caller admin;
  private static double[] inside;

  @BeforeAll
  static void start() {
    app = TestApp.shared();
    admin = app.loginDemo("demo_admin");
    inside = RegisterFixtures.interiorPoint(app, GRID);
  }

  private static String row(String ref, double lon, double lat) {
    return String.format(Locale.ROOT, "%s,和平社区测试楼,%.9f,%.9f,12,30,2,1\n", ref, lon, lat);
  }

  private static HttpResponse<String> importCsv(Caller by, String csv, String query) {
    return by.upload(
        "POST", "/api/buildings/import" + query, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private static long stored(String refPrefix) {
    return admin.json(admin.get("/api/buildings?q=" + refPrefix)).get("total").asLong();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad coordinate  | {ref}-3,测试楼,117.1,95.5,12,30,2,1 | lon/lat",
        "missing count   | {ref}-3,测试楼,{lon},{lat},,30,2,1  | households",
        "duplicate id    | {ref}-1,测试楼,{lon},{lat},12,30,2,1 | id"
      })
  void a_file_with_one_bad_row_is_rejected_whole_with_the_row_named(
      String why, String bad, String field) {
    String ref = RegisterFixtures.unique("imp");
    String csv =
        HEADER
            + row(ref + "-1", inside[0], inside[1])
            + row(ref + "-2", inside[0] + 0.00001, inside[1])
            + bad.replace("{ref}", ref)
                .replace("{lon}", String.valueOf(inside[0]))
                .replace("{lat}", String.valueOf(inside[1]))
            + "\n"
            + row(ref + "-4", inside[0], inside[1] + 0.00001);
    HttpResponse<String> r = importCsv(admin, csv, "");
    assertEquals(422, r.statusCode(), why + ": " + r.body());
    JsonNode body = admin.json(r);
    assertEquals("import_rejected", body.get("error").asText());
    assertEquals(1, body.get("details").get("problemCount").asInt(), r.body());
    JsonNode problem = body.get("details").get("problems").get(0);
    assertEquals("line 4", problem.get("where").asText(), why);
    assertEquals(field, problem.get("field").asText(), why);
    assertTrue(body.get("message").asText().contains("line 4"), body.toString());
    assertEquals(0, stored(ref), "nothing of the file was stored");
  }

  @Test
  void an_id_that_is_already_stored_is_named_and_nothing_more_is_stored() {
    String ref = RegisterFixtures.unique("again");
    assertEquals(
        201, importCsv(admin, HEADER + row(ref + "-1", inside[0], inside[1]), "").statusCode());
    HttpResponse<String> r =
        importCsv(
            admin,
            HEADER + row(ref + "-2", inside[0], inside[1]) + row(ref + "-1", inside[0], inside[1]),
            "");
    assertEquals(422, r.statusCode(), r.body());
    JsonNode problem = admin.json(r).get("details").get("problems").get(0);
    assertEquals("line 3", problem.get("where").asText());
    assertTrue(problem.get("message").asText().contains("already stored"));
    assertEquals(1, stored(ref));
  }

  @Test
  void rows_outside_every_grid_or_outside_the_callers_scope_are_named() {
    String ref = RegisterFixtures.unique("where");
    HttpResponse<String> nowhere = importCsv(admin, HEADER + row(ref + "-1", 2.35, 48.85), "");
    assertEquals(422, nowhere.statusCode());
    assertTrue(nowhere.body().contains("lies in no grid"), nowhere.body());

    double[] xuzhuang = RegisterFixtures.interiorPoint(app, "370112102201001");
    Caller leader = app.loginDemo("heping_leader");
    HttpResponse<String> elsewhere =
        importCsv(
            leader,
            HEADER
                + row(ref + "-2", inside[0], inside[1])
                + row(ref + "-3", xuzhuang[0], xuzhuang[1]),
            "");
    assertEquals(422, elsewhere.statusCode(), elsewhere.body());
    JsonNode problem = leader.json(elsewhere).get("details").get("problems").get(0);
    assertEquals("line 3", problem.get("where").asText());
    assertTrue(problem.get("message").asText().contains("outside your area scope"));
    assertEquals(0, stored(ref));
  }

  @Test
  void a_gcj02_file_is_stored_in_wgs84_in_the_grid_of_each_point() {
    String ref = RegisterFixtures.unique("gcj");
    double[] gcj = ChinaOffsets.wgs84ToGcj02(inside[0], inside[1]);
    HttpResponse<String> r =
        importCsv(
            admin,
            HEADER.replace("lon,lat", "x,y") + row(ref + "-1", gcj[0], gcj[1]) + "\n",
            "?crs=GCJ-02");
    assertEquals(201, r.statusCode(), r.body());
    JsonNode report = admin.json(r);
    assertEquals(1, report.get("imported").asInt());
    assertEquals("GCJ-02", report.get("crs").asText());
    assertEquals(1, report.get("byGrid").get(GRID).asInt());
    JsonNode stored = admin.json(admin.get("/api/buildings?q=" + ref)).get("items").get(0);
    assertEquals(inside[0], stored.get("lon").asDouble(), 1e-6);
    assertEquals(inside[1], stored.get("lat").asDouble(), 1e-6);
    assertEquals(GRID, stored.get("grid").asText());
  }

  @Test
  void a_geojson_polygon_is_stored_as_the_footprint_located_at_its_interior_point() {
    String ref = RegisterFixtures.unique("geo");
    double d = 0.0001;
    String ring =
        String.format(
            Locale.ROOT,
            "[[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f]]",
            inside[0] - d,
            inside[1] - d,
            inside[0] + d,
            inside[1] - d,
            inside[0] + d,
            inside[1] + d,
            inside[0] - d,
            inside[1] + d,
            inside[0] - d,
            inside[1] - d);
    String geojson =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\""
            + ref
            + "\",\"properties\":{\"address\":\"轮廓楼\",\"households\":6,"
            + "\"registered_residents\":14,\"floating_residents\":1,\"rental_units\":0,"
            + "\"owner\":\"张三\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
            + ring
            + "]}}]}";
    HttpResponse<String> r =
        admin.upload(
            "POST",
            "/api/buildings/import",
            "application/geo+json",
            geojson.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, r.statusCode(), r.body());
    assertEquals("owner", admin.json(r).get("ignoredFields").get(0).asText());
    JsonNode stored = admin.json(admin.get("/api/buildings?q=" + ref)).get("items").get(0);
    assertEquals("MultiPolygon", stored.get("footprint").get("type").asText());
    assertEquals(GRID, stored.get("grid").asText());
    assertTrue(!stored.toString().contains("张三"), "ignored fields are never stored");
  }

  @Test
  void grid_staff_may_not_import_and_an_empty_file_is_refused() {
    Caller staff = app.loginDemo("heping_grid1");
    assertEquals(403, importCsv(staff, HEADER, "").statusCode());
    HttpResponse<String> empty = importCsv(admin, HEADER, "");
    assertEquals(422, empty.statusCode());
    assertTrue(empty.body().contains("holds no buildings"), empty.body());
    assertEquals(400, importCsv(admin, "{\"type\":\"Feature\"}", "?format=geojson").statusCode());
    assertEquals(400, importCsv(admin, HEADER, "?crs=EPSG:999999").statusCode());
  }
}
