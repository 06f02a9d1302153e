package org.gridmap.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.ValidityCases;
import org.gridmap.testing.WktGeoJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Every case of JTS's TestValid and TestInvalidA and of Turf's boolean-valid fixtures, imported
 * over HTTP as a one-feature file without repair: the invalid ones are rejected with a reason (422,
 * never a 500) and nothing is stored; the valid areas are stored exactly as drawn.
 */
class ImportValidityIT {
  static final String ROOT = "VALIDITY";
  private static final java.util.concurrent.atomic.AtomicInteger NEXT =
      new java.util.concurrent.atomic.AtomicInteger();
  private static TestApp app;
  private static Caller admin;

  @BeforeAll
  static void root() {
    app = TestApp.imports();
    admin = app.loginDemo("demo_admin");
    ImportFixtures.root(app, ROOT, -5, -5, 60, 60);
  }

  static List<ValidityCases.Case> cases() {
    return ValidityCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void invalid_cases_are_rejected_with_a_reason_and_valid_areas_stored_as_drawn(
      ValidityCases.Case c) throws Exception {
    MultiPolygon expected = c.expectedArea();
    // a code of its own: an equal shape under the same code would rightly count as unchanged
    String code = "case-" + NEXT.incrementAndGet();
    long rowsBefore = ImportFixtures.count(app, "SELECT count(*) FROM area");
    HttpResponse<String> r =
        ImportFixtures.importGeoJson(
            admin,
            "level=community&parent=" + ROOT,
            WktGeoJson.featureCollection(
                c.geometryJson(), "{\"code\":\"" + code + "\",\"name\":\"case\"}"));
    assertTrue(r.statusCode() < 500, c.name() + ": " + r.statusCode() + " " + r.body());
    JsonNode body = admin.json(r);
    if (expected == null) {
      assertEquals(422, r.statusCode(), r.body());
      assertEquals("import_rejected", body.get("error").asText());
      JsonNode problem = body.get("details").get("problems").get(0);
      assertEquals(1, problem.get("feature").asInt());
      assertFalse(problem.get("reason").asText().isBlank());
      assertFalse(problem.get("message").asText().isBlank());
      if (c.valid()) {
        assertTrue(Set.of("not_polygon", "empty").contains(problem.get("reason").asText()));
      }
      assertEquals(
          rowsBefore,
          ImportFixtures.count(app, "SELECT count(*) FROM area"),
          "a rejected import stores nothing");
    } else {
      assertEquals(200, r.statusCode(), c.name() + ": " + r.body());
      assertEquals("imported", body.get("status").asText());
      assertTrue(
          ImportFixtures.current(app, code).equalsExact(expected),
          c.name() + ": stored " + ImportFixtures.current(app, code) + " but drawn " + expected);
    }
  }
}
