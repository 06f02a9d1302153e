package org.gridmap.area;

import static org.gridmap.area.ImportFixtures.collectionIn;
import static org.gridmap.area.ImportFixtures.feature;
import static org.gridmap.area.ImportFixtures.importGeoJson;
import static org.gridmap.area.ImportFixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.Test;

/**
 * Coverage QA: the demo towns are tiled exactly by their communities and the communities by their
 * grids; a fixture drawn in Gauss-Krüger metres, with one gap and one overlap whose areas are
 * computed by hand, reports exactly those.
 */
class CoverageIT {
  /** Metres from the Gauss-Krüger origin of the fixture, on zone 39's central meridian. */
  private static final double X0 = 39_500_000;

  private static final double Y0 = 4_060_000;

  @Test
  void the_demo_towns_and_their_communities_have_no_gaps_and_no_overlaps() {
    TestApp app = TestApp.shared();
    Caller admin = app.loginDemo("demo_admin");
    List<String> parents = new ArrayList<>(List.of("370112101", "370112102"));
    for (JsonNode c : app.getJson("/api/areas?level=community")) {
      parents.add(c.get("code").asText());
    }
    assertEquals(2 + 7 + 14, parents.size());
    for (String parent : parents) {
      HttpResponse<String> r = admin.get("/api/areas/" + parent + "/coverage");
      assertEquals(200, r.statusCode(), r.body());
      JsonNode body = admin.json(r);
      JsonNode s = body.get("summary");
      assertEquals(0, s.get("gaps").get("count").asInt(), parent + ": " + s);
      assertEquals(0, s.get("overlaps").get("count").asInt(), parent + ": " + s);
      assertEquals(0, s.get("spill").get("count").asInt(), parent + ": " + s);
      assertEquals(0, body.get("features").size(), parent);
      assertEquals(100, s.get("coveredPercent").asDouble(), 1e-6, parent);
      assertTrue(s.get("children").asInt() >= 1);
    }
  }

  @Test
  void a_known_gap_and_a_known_overlap_are_reported_exactly_with_their_areas() {
    TestApp app = TestApp.imports();
    Caller admin = app.loginDemo("demo_admin");
    ImportFixtures.root(app, "COV", 116.9, 36.5, 117.1, 36.8);
    // a 1000 m square; A covers x 0-500, B and C cover x 520-1000 and overlap at y 580-600
    HttpResponse<String> parent =
        importGeoJson(
            admin,
            "level=community&parent=COV",
            collectionIn(
                "EPSG:4527",
                feature(
                    "COV-P",
                    "方块",
                    gk(
                        0, 0, 500, 0, 520, 0, 1000, 0, 1000, 580, 1000, 600, 1000, 1000, 520, 1000,
                        500, 1000, 0, 1000))));
    assertEquals(200, parent.statusCode(), parent.body());
    HttpResponse<String> children =
        importGeoJson(
            admin,
            "level=grid&parent=COV-P",
            collectionIn(
                "EPSG:4527",
                feature("COV-A", "A", gk(0, 0, 500, 0, 500, 1000, 0, 1000)),
                feature(
                    "COV-B", "B", gk(520, 0, 1000, 0, 1000, 580, 1000, 600, 520, 600, 520, 580)),
                feature(
                    "COV-C",
                    "C",
                    gk(520, 580, 1000, 580, 1000, 600, 1000, 1000, 520, 1000, 520, 600))));
    assertEquals(200, children.statusCode(), children.body());
    JsonNode summary = admin.json(children).get("coverage");
    assertFigures(summary);

    HttpResponse<String> r = admin.get("/api/areas/COV-P/coverage");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("content-type").orElse("").startsWith("application/geo+json"));
    JsonNode body = admin.json(r);
    assertEquals("FeatureCollection", body.get("type").asText());
    assertFigures(body.get("summary"));
    assertEquals(2, body.get("features").size(), body.toString());
    for (JsonNode f : body.get("features")) {
      JsonNode p = f.get("properties");
      if (p.get("kind").asText().equals("gap")) {
        assertEquals(20_000, p.get("areaM2").asDouble(), 20_000 * 1e-3);
        assertEquals(List.of("COV-A", "COV-B", "COV-C"), texts(p.get("codes")));
      } else {
        assertEquals("overlap", p.get("kind").asText());
        assertEquals(9_600, p.get("areaM2").asDouble(), 9_600 * 1e-3);
        assertEquals(List.of("COV-B", "COV-C"), texts(p.get("codes")));
      }
      assertEquals("Polygon", f.get("geometry").get("type").asText());
    }
  }

  private static void assertFigures(JsonNode s) {
    assertEquals(1, s.get("gaps").get("count").asInt(), s.toString());
    assertEquals(20_000, s.get("gaps").get("areaM2").asDouble(), 20_000 * 1e-3);
    assertEquals(1, s.get("overlaps").get("count").asInt(), s.toString());
    assertEquals(9_600, s.get("overlaps").get("areaM2").asDouble(), 9_600 * 1e-3);
    assertEquals(0, s.get("spill").get("count").asInt(), s.toString());
    assertEquals(1_000_000, s.get("areaM2").asDouble(), 1_000_000 * 1e-3);
    assertEquals(98, s.get("coveredPercent").asDouble(), 0.01);
  }

  /** A polygon given in metres east and north of the fixture's origin, in EPSG:4527. */
  private static String gk(double... metres) {
    double[] xy = metres.clone();
    for (int i = 0; i < xy.length; i += 2) {
      xy[i] += X0;
      xy[i + 1] += Y0;
    }
    return ImportFixtures.polygon(xy);
  }
}
