package org.gridmap.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Set;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key places through the API: public fields for anyone, inspections for staff in scope, overdue
 * places for staff, and inspections that found hazards.
 */
class KeyPlaceIT {
  private static final String HESHAN = "370112101";
  private static final Set<String> PUBLIC_FIELDS =
      Set.of("id", "name", "category", "categoryName", "categoryNameEn", "lon", "lat", "grid");

  private static TestApp app;
  private static Caller admin;

  @BeforeAll
  static void start() {
    app = TestApp.shared();
    admin = app.loginDemo("demo_admin");
  }

  @Test
  void anyone_sees_name_category_location_and_responsible_grid_and_nothing_more() {
    JsonNode places = app.getJson("/api/places?area=" + HESHAN);
    assertTrue(places.size() >= 32, "Heshan's 32 demo places and fixtures: " + places.size());
    for (JsonNode p : places) {
      assertEquals(PUBLIC_FIELDS, TestApp.fieldNames(p), p.toString());
      assertTrue(p.get("grid").get("code").asText().startsWith(HESHAN));
      assertFalse(p.get("grid").get("name").asText().isEmpty());
    }
    JsonNode schools = app.getJson("/api/places?area=" + HESHAN + "&category=school");
    schools.forEach(s -> assertEquals("学校", s.get("categoryName").asText()));
    assertEquals(400, app.get("/api/places?category=castle").statusCode());
    assertEquals(
        PUBLIC_FIELDS, TestApp.fieldNames(app.getJson("/api/places/" + places.get(0).get("id"))));
  }

  @Test
  void staff_see_the_inspection_state_of_places_in_their_scope_only() {
    Caller leader = app.loginDemo("heping_leader");
    for (JsonNode p : leader.json(leader.get("/api/places"))) {
      boolean mine = p.get("grid").get("code").asText().startsWith("370112101001");
      assertEquals(mine, p.has("inspectionOverdue"), p.toString());
    }
    long elsewhere = app.getJson("/api/places?area=370112102").get(0).get("id").asLong();
    assertEquals(403, leader.get("/api/places/" + elsewhere + "/inspections").statusCode());
    assertEquals(
        PUBLIC_FIELDS, TestApp.fieldNames(leader.json(leader.get("/api/places/" + elsewhere))));
  }

  @Test
  void the_overdue_list_is_for_staff_and_an_inspection_takes_a_place_off_it() {
    assertEquals(401, app.get("/api/places?inspectionOverdue=true").statusCode());
    Caller leader = app.loginDemo("heshan_leader");
    JsonNode overdue = leader.json(leader.get("/api/places?inspectionOverdue=true"));
    assertTrue(overdue.size() >= 4, overdue.toString());
    for (JsonNode p : overdue) {
      assertTrue(p.get("inspectionOverdue").asBoolean());
      assertTrue(p.get("grid").get("code").asText().startsWith(HESHAN));
    }
    long id = overdue.get(0).get("id").asLong();
    HttpResponse<String> done =
        leader.post(
            "/api/places/" + id + "/inspections", "{\"result\":\"passed\",\"note\":\"正常\"}");
    assertEquals(201, done.statusCode(), done.body());
    assertEquals("鹤山镇领导 Heshan leader", leader.json(done).get("inspector").asText());
    JsonNode after = leader.json(leader.get("/api/places?inspectionOverdue=true"));
    after.forEach(p -> assertTrue(p.get("id").asLong() != id));
    assertFalse(leader.json(leader.get("/api/places/" + id)).get("inspectionOverdue").asBoolean());
  }

  @Test
  void hazards_found_are_kept_with_the_inspection_and_report_a_safety_hazard_event() {
    long place = RegisterFixtures.place(app, admin, "370112101002001");
    HttpResponse<String> r =
        admin.post(
            "/api/places/" + place + "/inspections",
            "{\"result\":\"hazards_found\",\"hazards\":\"安全出口上锁\",\"reportHazard\":true,"
                + "\"inspector\":\"李检查\"}");
    assertEquals(201, r.statusCode(), r.body());
    JsonNode i = admin.json(r);
    assertEquals("安全出口上锁", i.get("hazards").asText());
    assertTrue(i.get("hazardEventRequested").asBoolean());
    String eventId = i.get("hazardEventId").asText();
    JsonNode event = admin.json(admin.get("/api/events/" + eventId));
    assertEquals("safety_hazard", event.get("type").asText(), event.toString());
    assertEquals("370112101002001", event.get("gridCode").asText(), event.toString());
    JsonNode list = admin.json(admin.get("/api/places/" + place + "/inspections"));
    assertEquals("李检查", list.get(0).get("inspector").asText());
    assertEquals(
        422,
        admin
            .post("/api/places/" + place + "/inspections", "{\"result\":\"hazards_found\"}")
            .statusCode());
    assertEquals(
        400,
        admin.post("/api/places/" + place + "/inspections", "{\"result\":\"fine\"}").statusCode());
    assertEquals(409, admin.delete("/api/places/" + place).statusCode());
  }

  @Test
  void places_are_reassigned_on_request_and_nothing_moves_while_boundaries_stay() {
    HttpResponse<String> r = admin.post("/api/places/reassign?area=" + HESHAN, null);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(admin.json(r).get("checked").asInt() >= 32);
    assertEquals(0, admin.json(r).get("moved").size());
    assertEquals(
        403,
        app.loginDemo("heping_leader")
            .post("/api/places/reassign?area=" + HESHAN, null)
            .statusCode());
  }
}
