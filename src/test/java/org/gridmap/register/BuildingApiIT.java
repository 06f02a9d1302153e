package org.gridmap.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.Test;

/**
 * Single building writes: the grid comes from the location through PointInGrid, callers write and
 * read only inside their scope, and a building a survey recorded cannot be deleted.
 */
class BuildingApiIT {
  private static final String GRID_1 = "370112101001001";
  private static final String GRID_2 = "370112101001002";

  private final TestApp app = TestApp.shared();

  private static String body(String ref, double[] p) {
    return String.format(
        Locale.ROOT,
        "{\"ref\":\"%s\",\"address\":\"测试楼\",\"lon\":%.9f,\"lat\":%.9f,\"households\":8,"
            + "\"registeredResidents\":20,\"floatingResidents\":1,\"rentalUnits\":0}",
        ref,
        p[0],
        p[1]);
  }

  @Test
  void a_new_building_is_assigned_to_the_grid_its_location_lies_in() {
    Caller worker = app.loginDemo("heping_grid1");
    double[] p = RegisterFixtures.interiorPoint(app, GRID_1);
    HttpResponse<String> r = worker.post("/api/buildings", body(RegisterFixtures.unique("b"), p));
    assertEquals(201, r.statusCode(), r.body());
    JsonNode b = worker.json(r);
    assertEquals(GRID_1, b.get("grid").asText());
    assertEquals(1, b.get("boundaryVersion").asInt());
    assertEquals(8, b.get("households").asInt());
  }

  @Test
  void a_location_outside_every_grid_is_422_and_outside_the_callers_scope_403() {
    Caller worker = app.loginDemo("heping_grid1");
    HttpResponse<String> paris =
        worker.post(
            "/api/buildings", body(RegisterFixtures.unique("b"), new double[] {2.35, 48.85}));
    assertEquals(422, paris.statusCode());
    assertEquals("outside_coverage", worker.json(paris).get("error").asText());
    HttpResponse<String> neighbour =
        worker.post(
            "/api/buildings",
            body(RegisterFixtures.unique("b"), RegisterFixtures.interiorPoint(app, GRID_2)));
    assertEquals(403, neighbour.statusCode(), neighbour.body());
  }

  @Test
  void missing_or_negative_counts_are_refused_with_every_problem_named() {
    Caller admin = app.loginDemo("demo_admin");
    double[] p = RegisterFixtures.interiorPoint(app, GRID_1);
    HttpResponse<String> r =
        admin.post(
            "/api/buildings",
            String.format(
                Locale.ROOT,
                "{\"address\":\"楼\",\"lon\":%.9f,\"lat\":%.9f,\"households\":-1}",
                p[0],
                p[1]));
    assertEquals(422, r.statusCode());
    String message = admin.json(r).get("message").asText();
    assertTrue(
        message.contains("'registeredResidents' is required")
            && message.contains("'households' must be 0 or more"),
        message);
    assertEquals(400, admin.post("/api/buildings", "{\"residentName\":\"张三\"}").statusCode());
  }

  @Test
  void grid_staff_list_only_the_buildings_of_their_grid() {
    Caller worker = app.loginDemo("heping_grid1");
    JsonNode page = worker.json(worker.get("/api/buildings?size=1000"));
    assertTrue(page.get("total").asInt() > 0);
    page.get("items").forEach(b -> assertEquals(GRID_1, b.get("grid").asText()));
    Caller admin = app.loginDemo("demo_admin");
    assertEquals(
        admin.json(admin.get("/api/buildings?area=" + GRID_1)).get("total").asInt(),
        page.get("total").asInt());
    long other =
        admin
            .json(admin.get("/api/buildings?area=" + GRID_2 + "&size=1"))
            .get("items")
            .get(0)
            .get("id")
            .asLong();
    assertEquals(403, worker.get("/api/buildings/" + other).statusCode());
  }

  @Test
  void moving_a_building_assigns_it_again_and_counts_change_in_place() {
    Caller leader = app.loginDemo("heping_leader");
    long id = RegisterFixtures.building(app, leader, GRID_1);
    double[] p = RegisterFixtures.interiorPoint(app, GRID_2);
    HttpResponse<String> moved =
        leader.patch(
            "/api/buildings/" + id,
            String.format(
                Locale.ROOT, "{\"lon\":%.9f,\"lat\":%.9f,\"rentalUnits\":4}", p[0], p[1]));
    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals(GRID_2, leader.json(moved).get("grid").asText());
    assertEquals(4, leader.json(moved).get("rentalUnits").asInt());
    assertEquals(400, leader.patch("/api/buildings/" + id, "{}").statusCode());
    assertEquals(422, leader.patch("/api/buildings/" + id, "{\"lon\":117.1}").statusCode());
  }

  @Test
  void a_building_the_survey_recorded_cannot_be_deleted_and_others_can() {
    Caller admin = app.loginDemo("demo_admin");
    long fresh = RegisterFixtures.building(app, admin, GRID_1);
    assertEquals(204, admin.delete("/api/buildings/" + fresh).statusCode());
    assertEquals(404, admin.get("/api/buildings/" + fresh).statusCode());
    long surveyed =
        admin
            .json(admin.get("/api/buildings?q=XZ-201-0001"))
            .get("items")
            .get(0)
            .get("id")
            .asLong();
    HttpResponse<String> r = admin.delete("/api/buildings/" + surveyed);
    assertEquals(409, r.statusCode());
    assertEquals("building_surveyed", admin.json(r).get("error").asText());
  }
}
