package org.gridmap.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridmap.geo.ChinaOffsets;
import org.gridmap.geo.Wgs84;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** {@code /api/locate} and {@code /api/locate/bulk} over HTTP on the demo towns. */
class LocateApiIT {
  static final String HESHAN_GRID = "370112101001001";

  private final TestApp app = TestApp.shared();

  private Geometry boundary(String code) throws Exception {
    return new GeoJsonReader(Wgs84.FACTORY)
        .read(app.getJson("/api/areas/" + code + ".geojson").get("geometry").toString());
  }

  private static String at(double lon, double lat) {
    return String.format(Locale.ROOT, "/api/locate?lon=%.9f&lat=%.9f", lon, lat);
  }

  @Test
  void a_point_inside_a_grid_gets_its_path_from_town_to_grid() throws Exception {
    Coordinate c = boundary(HESHAN_GRID).getInteriorPoint().getCoordinate();
    JsonNode r = app.getJson(at(c.x, c.y));
    assertEquals(HESHAN_GRID, r.get("grid").get("code").asText());
    List<String> path = new ArrayList<>();
    r.get("path").forEach(p -> path.add(p.get("level").asText() + ":" + p.get("code").asText()));
    assertEquals(List.of("town:370112101", "community:370112101001", "grid:" + HESHAN_GRID), path);
    assertFalse(r.get("outside").asBoolean());
    assertTrue(r.get("distanceToBoundaryM").asDouble() > 0);
    assertEquals(c.x, r.get("lon").asDouble(), 1e-8);
  }

  @Test
  void gcj02_and_bd09_coordinates_find_the_same_grid() throws Exception {
    Coordinate c = boundary(HESHAN_GRID).getInteriorPoint().getCoordinate();
    double[] gcj = ChinaOffsets.wgs84ToGcj02(c.x, c.y);
    double[] bd = ChinaOffsets.wgs84ToBd09(c.x, c.y);
    JsonNode g = app.getJson(at(gcj[0], gcj[1]) + "&crs=GCJ-02");
    JsonNode b = app.getJson(at(bd[0], bd[1]) + "&crs=BD-09");
    assertEquals(HESHAN_GRID, g.get("grid").get("code").asText());
    assertEquals(HESHAN_GRID, b.get("grid").get("code").asText());
    assertEquals(c.x, g.get("lon").asDouble(), 1e-7);
    assertEquals("GCJ-02", g.get("crs").asText());
  }

  @Test
  void a_vertex_shared_by_grids_goes_to_the_smallest_code_and_is_ambiguous() throws Exception {
    Geometry grid = boundary(HESHAN_GRID);
    for (Coordinate v : grid.getCoordinates()) {
      JsonNode r = app.getJson(at(v.x, v.y) + "&tolerance=0");
      List<String> codes = new ArrayList<>();
      codes.add(r.get("grid").get("code").asText());
      r.get("candidates").forEach(c -> codes.add(c.get("code").asText()));
      assertEquals(codes.stream().sorted().toList().get(0), codes.get(0), r.toString());
      assertTrue(codes.contains(HESHAN_GRID), r.toString());
      assertEquals(codes.size() > 1, r.get("ambiguous").asBoolean());
      r.get("candidates").forEach(c -> assertEquals(0, c.get("distanceM").asDouble()));
    }
  }

  @Test
  void a_point_outside_all_grids_is_200_with_the_nearest_grid() {
    JsonNode r = app.getJson("/api/locate?lon=116.5&lat=36.6");
    assertTrue(r.get("grid").isNull());
    assertTrue(r.get("outside").asBoolean());
    assertEquals(0, r.get("path").size());
    assertTrue(r.get("nearest").get("distanceM").asDouble() > 1000);
    assertTrue(r.get("nearest").get("code").asText().startsWith("370112"));
  }

  @Test
  void bad_or_missing_coordinates_are_400_naming_the_parameter() {
    for (String[] c :
        new String[][] {
          {"/api/locate?lon=117", "'lat'"},
          {"/api/locate?lat=36", "'lon'"},
          {"/api/locate?lon=abc&lat=36", "'lon'"},
          {"/api/locate?lon=117&lat=91", "'lat'"},
          {"/api/locate?lon=117&lat=36&tolerance=-1", "'tolerance'"},
          {"/api/locate?lon=117&lat=36&crs=EPSG:99999", "EPSG:99999"}
        }) {
      HttpResponse<String> r = app.get(c[0]);
      assertEquals(400, r.statusCode(), c[0]);
      assertTrue(app.json(r).get("message").asText().contains(c[1]), r.body());
    }
  }

  private HttpResponse<String> bulk(Caller caller, String query, String type, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/locate/bulk" + query))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (caller.cookie() != null) {
      b.header("Cookie", caller.cookie()).header("X-CSRF-Token", caller.csrf());
    }
    return app.send(b.build());
  }

  @Test
  void bulk_needs_a_staff_account() {
    assertEquals(401, bulk(app.anonymous(), "", "text/csv", "lon,lat\n117,36\n").statusCode());
  }

  @Test
  void bulk_csv_comes_back_with_the_grid_columns() throws Exception {
    Coordinate c = boundary(HESHAN_GRID).getInteriorPoint().getCoordinate();
    Caller staff = app.loginDemo("heping_grid1");
    String csv = "name,x,y\n\"报告, 1\"," + c.x + "," + c.y + "\nfar,116.5,36.6\n";
    HttpResponse<String> r = bulk(staff, "?lonField=x&latField=y", "text/csv", csv);
    assertEquals(200, r.statusCode(), r.body());
    List<String> lines = r.body().lines().toList();
    assertEquals(
        "name,x,y,town_code,community_code,grid_code,grid_name,ambiguous,distance_m", lines.get(0));
    assertTrue(
        lines
            .get(1)
            .startsWith(
                "\"报告, 1\"," + c.x + "," + c.y + ",370112101,370112101001," + HESHAN_GRID + ","),
        lines.get(1));
    assertTrue(lines.get(2).startsWith("far,116.5,36.6,,,,,false,"), lines.get(2));
    assertEquals("2", r.headers().firstValue("X-Rows").orElse(""));
    assertEquals("1", r.headers().firstValue("X-Rows-Outside").orElse(""));
  }

  @Test
  void bulk_geojson_comes_back_with_the_grid_properties() throws Exception {
    Coordinate c = boundary(HESHAN_GRID).getInteriorPoint().getCoordinate();
    Caller staff = app.loginDemo("heping_grid1");
    String body =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"n\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
            + c.x
            + ","
            + c.y
            + "]}}]}";
    HttpResponse<String> r = bulk(staff, "", "application/geo+json", body);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode props = app.json(r).get("features").get(0).get("properties");
    assertEquals(HESHAN_GRID, props.get("grid_code").asText());
    assertEquals(1, props.get("n").asInt());
  }

  @Test
  void a_bad_bulk_row_is_400_naming_its_line_unless_marked() {
    Caller staff = app.loginDemo("heping_grid1");
    String csv = "lon,lat\n117.1,36.6\n117.1,north\n";
    HttpResponse<String> r = bulk(staff, "", "text/csv", csv);
    assertEquals(400, r.statusCode());
    assertEquals("bad_row", app.json(r).get("error").asText());
    assertTrue(app.json(r).get("message").asText().startsWith("Line 3:"), r.body());
    HttpResponse<String> marked = bulk(staff, "?onError=mark", "text/csv", csv);
    assertEquals(200, marked.statusCode());
    assertTrue(
        marked
            .body()
            .lines()
            .toList()
            .get(2)
            .endsWith("Line 3: 'north' in column 'lat' is not a number"),
        marked.body());
    assertEquals("1", marked.headers().firstValue("X-Rows-Failed").orElse(""));
  }

  @Test
  void a_bulk_body_of_another_type_is_415() {
    Caller staff = app.loginDemo("heping_grid1");
    assertEquals(415, bulk(staff, "", "application/xml", "<a/>").statusCode());
  }
}
