package org.gridmap.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staff directory: the public view shows only the fields marked public; management scope. */
class StaffIT {
  private static final String GRID = "370112101001004";
  private static final String HEPING = "370112101001";
  private static final String XUZHUANG_GRID = "370112102201001";

  private static TestApp app;
  private static Caller admin;

  @BeforeAll
  static void start() {
    app = TestApp.shared();
    admin = app.loginDemo("demo_admin");
  }

  private static JsonNode contact(String area, long id) {
    for (JsonNode c : app.getJson("/api/areas/" + area + "/staff")) {
      if (c.get("id").asLong() == id) {
        return c;
      }
    }
    return null;
  }

  @Test
  void the_public_view_shows_exactly_the_fields_each_person_marked_public() {
    long phoneOnly =
        RegisterFixtures.staff(
            admin,
            GRID,
            "grid_firefighter",
            "测试只电话",
            "17000009921",
            "{\"name\":false,\"photo\":false,\"role\":true,\"phone\":true,\"duties\":false}");
    long nameOnly =
        RegisterFixtures.staff(
            admin,
            GRID,
            "volunteer",
            "测试只姓名",
            "17000009922",
            "{\"name\":true,\"photo\":true,\"role\":false,\"phone\":false,\"duties\":false}");
    long nothing = RegisterFixtures.staff(admin, GRID, "volunteer", "测试全隐藏", "17000009923", "{}");

    JsonNode a = contact(GRID, phoneOnly);
    assertEquals(
        Set.of("id", "area", "areaName", "role", "roleName", "roleNameEn", "phone"),
        TestApp.fieldNames(a));
    assertEquals("17000009921", a.get("phone").asText());
    JsonNode b = contact(GRID, nameOnly);
    assertEquals(Set.of("id", "area", "areaName", "name", "photo"), TestApp.fieldNames(b));
    assertEquals("测试只姓名", b.get("name").asText());
    assertEquals(null, contact(GRID, nothing), "a person with nothing public is not listed");
    String all = app.get("/api/areas/" + GRID + "/staff").body();
    assertFalse(all.contains("测试只电话") || all.contains("17000009922") || all.contains("测试全隐藏"));
  }

  @Test
  void a_demo_grid_shows_its_worker_first_then_its_community_with_their_private_fields_left_out() {
    JsonNode contacts = app.getJson("/api/areas/370112101001001/staff");
    List<String> roles = new ArrayList<>();
    contacts.forEach(c -> roles.add(c.path("role").asText()));
    assertEquals("grid_worker", roles.get(0));
    assertEquals("370112101001001", contacts.get(0).get("area").asText());
    assertTrue(contacts.get(0).get("phone").asText().startsWith("1700000"));
    assertTrue(
        roles.containsAll(
            List.of(
                "grid_coordinator",
                "grid_supervisor",
                "grid_police",
                "grid_firefighter",
                "volunteer")),
        roles.toString());
    for (JsonNode c : contacts) {
      if (!c.get("area").asText().equals(HEPING)) {
        continue; // other tests add people to the grid itself; the community's are the demo's
      }
      switch (c.path("role").asText()) {
        case "grid_firefighter" -> assertFalse(c.has("name"), c.toString());
        case "grid_supervisor", "volunteer" -> assertFalse(c.has("phone"), c.toString());
        case "grid_police", "grid_coordinator" ->
            assertTrue(c.get("phone").asText().startsWith("1700000"), c.toString());
        default -> {}
      }
    }
    assertEquals(404, app.get("/api/areas/nope/staff").statusCode());
  }

  @Test
  void a_photo_is_served_publicly_only_when_marked_public() {
    long hidden =
        RegisterFixtures.staff(
            admin, GRID, "volunteer", "测试无照片", "17000009931", "{\"name\":true,\"photo\":false}");
    long shown =
        RegisterFixtures.staff(
            admin, GRID, "volunteer", "测试有照片", "17000009932", "{\"name\":true,\"photo\":true}");
    assertEquals(404, app.get("/api/staff/" + hidden + "/photo").statusCode());
    assertEquals(200, admin.get("/api/staff/" + hidden + "/photo").statusCode());
    HttpResponse<String> placeholder = app.get("/api/staff/" + shown + "/photo");
    assertEquals(200, placeholder.statusCode());
    assertTrue(
        placeholder.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
    assertTrue(placeholder.body().contains(">测</text>"));

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 9, 9};
    assertEquals(
        204, admin.upload("PUT", "/api/staff/" + shown + "/photo", "image/png", png).statusCode());
    HttpResponse<String> uploaded = app.get("/api/staff/" + shown + "/photo");
    assertTrue(uploaded.headers().firstValue("Content-Type").orElse("").startsWith("image/png"));
    assertEquals(
        415,
        admin
            .upload("PUT", "/api/staff/" + shown + "/photo", "image/svg+xml", "<svg/>".getBytes())
            .statusCode());
    assertEquals(
        415,
        admin
            .upload("PUT", "/api/staff/" + shown + "/photo", "image/png", "not a png".getBytes())
            .statusCode());
  }

  @Test
  void leaders_manage_the_people_whose_areas_all_lie_in_their_scope() {
    Caller leader = app.loginDemo("heping_leader");
    long mine = RegisterFixtures.staff(leader, GRID, "volunteer", "测试社区自建", "17000009941", "{}");
    HttpResponse<String> elsewhere =
        leader.post(
            "/api/staff",
            "{\"name\":\"越界\",\"assignments\":[{\"area\":\""
                + XUZHUANG_GRID
                + "\",\"role\":\"volunteer\"}]}");
    assertEquals(403, elsewhere.statusCode());
    assertEquals(200, leader.patch("/api/staff/" + mine, "{\"duties\":\"新职责\"}").statusCode());

    long shared = RegisterFixtures.staff(admin, GRID, "grid_police", "测试两镇", "17000009942", "{}");
    assertEquals(
        200,
        admin
            .patch(
                "/api/staff/" + shared,
                "{\"assignments\":[{\"area\":\""
                    + GRID
                    + "\",\"role\":\"grid_police\"},{\"area\":\""
                    + XUZHUANG_GRID
                    + "\",\"role\":\"grid_police\"}]}")
            .statusCode());
    HttpResponse<String> half =
        app.loginDemo("heshan_leader").patch("/api/staff/" + shared, "{\"duties\":\"x\"}");
    assertEquals(403, half.statusCode(), half.body());
    assertTrue(half.body().contains("outside your scope"));

    Caller worker = app.loginDemo("heping_grid1");
    assertEquals(403, worker.post("/api/staff", "{}").statusCode());
    assertEquals(204, leader.delete("/api/staff/" + mine).statusCode());
    assertEquals(404, admin.get("/api/staff/" + mine).statusCode());
  }

  @Test
  void staff_list_the_directory_of_their_scope_with_every_field() {
    Caller leader = app.loginDemo("heping_leader");
    JsonNode page = leader.json(leader.get("/api/staff?size=500"));
    assertTrue(page.get("total").asInt() >= 1 + 5, page.toString());
    for (JsonNode m : page.get("items")) {
      assertTrue(m.has("phone") && m.has("public"));
      assertTrue(
          m.findValuesAsText("area").stream().anyMatch(a -> a.startsWith(HEPING)), m.toString());
    }
    JsonNode police = leader.json(leader.get("/api/staff?role=grid_police&area=" + HEPING));
    assertTrue(police.get("total").asInt() >= 1);
    assertEquals(400, leader.get("/api/staff?role=mayor").statusCode());
    assertEquals(401, app.anonymous().get("/api/staff").statusCode());
  }
}
