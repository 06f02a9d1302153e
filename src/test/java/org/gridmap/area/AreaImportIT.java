package org.gridmap.area;

import static org.gridmap.area.ImportFixtures.box;
import static org.gridmap.area.ImportFixtures.collection;
import static org.gridmap.area.ImportFixtures.collectionIn;
import static org.gridmap.area.ImportFixtures.feature;
import static org.gridmap.area.ImportFixtures.importGeoJson;
import static org.gridmap.area.ImportFixtures.metres;
import static org.gridmap.area.ImportFixtures.polygon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

/**
 * Importing real data over HTTP: the 579 San Francisco block groups as GeoJSON and, through GDAL,
 * from the shapefile in the publisher's zip; boundaries in a CGCS2000 Gauss-Krüger zone and in the
 * offset coordinates of Chinese web maps, landing within half a metre of reference points computed
 * independently (PROJ's gdaltransform; the npm libraries gcoord and coordtransform).
 */
class AreaImportIT {
  private static TestApp app;
  private static Caller admin;

  @BeforeAll
  static void roots() {
    app = TestApp.imports();
    admin = app.loginDemo("demo_admin");
    ImportFixtures.root(app, "SF", -123, 37, -122, 38.5);
    ImportFixtures.root(app, "GK", 116, 36, 118, 37.5);
    ImportFixtures.root(app, "CN", 100, 20, 135, 50);
  }

  @Test
  void san_francisco_block_groups_import_clean_and_the_shapefile_through_gdal_matches()
      throws Exception {
    String query = "level=grid&parent=SF&codeField=GEO_ID&nameField=GEO_displa";
    HttpResponse<String> geojson =
        importGeoJson(
            admin, query, Files.readString(TestData.path("sf-crime-2012/SFCrime_blocks.geojson")));
    assertEquals(200, geojson.statusCode(), geojson.body());
    JsonNode report = admin.json(geojson);
    assertEquals("imported", report.get("status").asText());
    assertEquals(579, report.get("featuresRead").asInt());
    assertEquals(579, report.get("featuresAccepted").asInt());
    assertEquals(0, report.get("problems").size());
    assertEquals(579, report.get("changes").get("added").size());
    assertEquals(1, report.get("coverage").get("parents").asInt());

    byte[] zip = Files.readAllBytes(TestData.path("sf-crime-2012/SFCrime_July_Dec2012.zip"));
    HttpResponse<String> dry =
        ImportFixtures.importMultipart(
            admin, query + "&dryRun=true", "SFCrime_July_Dec2012.zip", "application/zip", zip);
    assertEquals(200, dry.statusCode(), dry.body());
    JsonNode changes = admin.json(dry).get("changes");
    assertTrue(
        admin.json(dry).get("source").asText().contains("layer SFCrime_blocks"),
        "the polygon layer is found among the point layers of the zip");
    assertEquals(0, changes.get("added").size(), "the same codes");
    assertEquals(0, changes.get("removed").size(), "the same codes");
    assertEquals(
        579, changes.get("unchanged").asInt() + changes.get("reshaped").size(), changes.toString());
    for (JsonNode c : changes.get("reshaped")) {
      double before = c.get("areaBeforeM2").asDouble();
      assertTrue(Math.abs(c.get("areaAfterM2").asDouble() - before) / before < 1e-4, c.toString());
    }

    HttpResponse<String> shp =
        ImportFixtures.importMultipart(
            admin, query, "SFCrime_July_Dec2012.zip", "application/zip", zip);
    assertEquals(200, shp.statusCode(), shp.body());
    List<double[]> areas =
        ImportFixtures.query(
            app,
            "SELECT ST_Area(v1.boundary::geography), ST_Area(cur.boundary::geography)"
                + " FROM area v1 JOIN area cur ON cur.code = v1.code AND cur.valid_to IS NULL"
                + " WHERE v1.version = 1 AND v1.parent_code = 'SF'",
            rs -> new double[] {rs.getDouble(1), rs.getDouble(2)});
    assertEquals(579, areas.size());
    for (double[] a : areas) {
      assertTrue(Math.abs(a[1] - a[0]) / a[0] < 1e-4, a[0] + " vs " + a[1]);
    }
  }

  @Test
  void a_file_in_a_gauss_kruger_zone_lands_within_half_a_metre_of_the_reference() {
    // gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4527 of (117.12, 36.67) and (117.30, 36.60)
    String file =
        collectionIn(
            "urn:ogc:def:crs:EPSG::4527",
            feature(
                "GK-1",
                "高斯",
                polygon(
                    39510727.3854972, 4059896.08094612,
                    39526842.7640123, 4052163.31454366,
                    39526842.7640123, 4059896.08094612)));
    HttpResponse<String> r = importGeoJson(admin, "level=community&parent=GK", file);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("EPSG:4527", admin.json(r).get("crs").asText());
    Coordinate[] stored = ImportFixtures.current(app, "GK-1").getCoordinates();
    assertTrue(metres(stored[0].x, stored[0].y, 117.12, 36.67) < 0.5, stored[0].toString());
    assertTrue(metres(stored[1].x, stored[1].y, 117.30, 36.60) < 0.5, stored[1].toString());
  }

  @ParameterizedTest
  @CsvSource({
    "GCJ-02, 117.12613005731995, 36.670441362190864, 116.40367162595768, 39.91063350638631,"
        + " 121.47822305927693, 31.22845773757727",
    "BD-09, 117.132515741179, 36.67677168893737, 116.41004410170474, 39.916972856075134,"
        + " 126.65499932897167, 45.76434556386758"
  })
  void web_map_offsets_land_within_half_a_metre_of_the_reference(
      String crs, double x1, double y1, double x2, double y2, double x3, double y3) {
    Map<String, double[]> wgs84 =
        Map.of(
            "GCJ-02", new double[] {117.12, 36.67, 116.397428, 39.90923, 121.4737, 31.2304},
            "BD-09", new double[] {117.12, 36.67, 116.397428, 39.90923, 126.6424, 45.7567});
    HttpResponse<String> r =
        importGeoJson(
            admin,
            "level=community&parent=CN&crs=" + crs,
            collection(feature("OFFSET-1", "偏移", polygon(x1, y1, x3, y3, x2, y2))));
    assertEquals(200, r.statusCode(), r.body());
    Coordinate[] stored = ImportFixtures.current(app, "OFFSET-1").getCoordinates();
    double[] expected = wgs84.get(crs);
    assertTrue(metres(stored[0].x, stored[0].y, expected[0], expected[1]) < 0.5);
    assertTrue(metres(stored[1].x, stored[1].y, expected[4], expected[5]) < 0.5);
    assertTrue(metres(stored[2].x, stored[2].y, expected[2], expected[3]) < 0.5);
  }

  @Test
  void coordinates_outside_the_zone_are_rejected_naming_the_point_and_the_crs() {
    HttpResponse<String> r =
        importGeoJson(
            admin,
            "level=community&parent=GK",
            collectionIn(
                "EPSG:4527",
                feature("GK-2", "x", box(39510727, 4059896, 39510827, 4059996)),
                feature("GK-3", "far", box(1000, 4059896, 1100, 4059996))));
    assertEquals(422, r.statusCode(), r.body());
    JsonNode problems = admin.json(r).get("details").get("problems");
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(2, problems.get(0).get("feature").asInt());
    assertEquals("GK-3", problems.get(0).get("code").asText());
    assertEquals("coordinate_out_of_range", problems.get(0).get("reason").asText());
    assertTrue(problems.get(0).get("message").asText().contains("EPSG:4527"));
  }

  @Test
  void an_unknown_crs_option_is_a_bad_request_and_an_unknown_declared_crs_rejects_the_file() {
    HttpResponse<String> option =
        importGeoJson(
            admin,
            "level=community&parent=GK&crs=EPSG:999999",
            collection(feature("X", "x", box(0, 0, 1, 1))));
    assertEquals(400, option.statusCode(), option.body());
    assertEquals("unknown_crs", admin.json(option).get("error").asText());
    HttpResponse<String> declared =
        importGeoJson(
            admin,
            "level=community&parent=GK",
            collectionIn("EPSG:999999", feature("X", "x", box(0, 0, 1, 1))));
    assertEquals(422, declared.statusCode(), declared.body());
    assertEquals(
        "unknown_crs",
        admin.json(declared).get("details").get("problems").get(0).get("reason").asText());
  }
}
