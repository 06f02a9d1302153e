package org.gridmap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Every write appears in the audit log with its author; the log cannot be changed. */
class AuditIT {
  private final TestApp app = TestApp.shared();

  @Test
  void account_changes_are_recorded_with_author_and_before_after() {
    Caller leader = app.loginDemo("heshan_leader");
    HttpResponse<String> created =
        leader.post(
            "/api/accounts",
            "{\"username\":\"audit_subject\",\"displayName\":\"Before\",\"role\":\"grid_staff\",\"areas\":[\"370112101002001\"]}");
    assertEquals(201, created.statusCode(), created.body());
    String id = leader.json(created).get("id").asText();
    assertEquals(
        200,
        leader
            .patch("/api/accounts/" + id, "{\"displayName\":\"After\",\"disabled\":true}")
            .statusCode());

    Caller admin = app.loginDemo("demo_admin");
    JsonNode log = admin.json(admin.get("/api/audit?entity=account&entityId=" + id));
    assertEquals(2, log.get("total").asInt(), log.toString());
    JsonNode update = log.get("items").get(0);
    JsonNode create = log.get("items").get(1);
    assertEquals("account.create", create.get("action").asText());
    assertEquals("heshan_leader", create.get("actor").asText());
    assertEquals("audit_subject", create.get("changes").get("username").get("after").asText());
    assertEquals("account.disable", update.get("action").asText());
    assertEquals("heshan_leader", update.get("actor").asText());
    assertEquals("Before", update.get("changes").get("displayName").get("before").asText());
    assertEquals("After", update.get("changes").get("displayName").get("after").asText());
    assertTrue(update.get("changes").get("disabled").get("after").asBoolean());
    assertTrue(!log.toString().contains("argon2"), "no password material in the log");
  }

  @Test
  void register_and_survey_writes_are_recorded_with_their_author() {
    Caller worker = app.loginDemo("heping_grid1");
    long building = RegisterFixtures.building(app, worker, "370112101001001");
    assertEquals(
        200, worker.patch("/api/buildings/" + building, "{\"floatingResidents\":9}").statusCode());
    Caller leader = app.loginDemo("heping_leader");
    long person =
        RegisterFixtures.staff(
            leader, "370112101001001", "volunteer", "审计志愿者", "17000009951", "{}");
    assertEquals(
        200, leader.patch("/api/staff/" + person, "{\"phone\":\"17000009952\"}").statusCode());
    Caller admin = app.loginDemo("demo_admin");
    long place = RegisterFixtures.place(app, admin, "370112101001001");
    RegisterFixtures.inspect(admin, place);
    long campaign = RegisterFixtures.campaign(admin, "370112101001001");
    assertEquals(
        201,
        admin
            .post(
                "/api/survey/" + campaign + "/buildings/" + building + "/changes",
                "{\"status\":\"compliant\"}")
            .statusCode());

    JsonNode update =
        admin
            .json(admin.get("/api/audit?entity=building&entityId=" + building))
            .get("items")
            .get(0);
    assertEquals("building.update", update.get("action").asText());
    assertEquals("heping_grid1", update.get("actor").asText());
    assertEquals(9, update.get("changes").get("floatingResidents").get("after").asInt());
    JsonNode staff =
        admin.json(admin.get("/api/audit?entity=staff&entityId=" + person)).get("items").get(0);
    assertEquals("heping_leader", staff.get("actor").asText());
    assertEquals("17000009952", staff.get("changes").get("phone").get("after").asText());
    assertEquals(
        1,
        admin
            .json(admin.get("/api/audit?action=place_inspection.create&actor=demo_admin&size=1"))
            .get("items")
            .size());
    JsonNode change =
        admin
            .json(
                admin.get("/api/audit?entity=survey_record&entityId=" + campaign + ":" + building))
            .get("items")
            .get(0);
    assertEquals("survey_record.change", change.get("action").asText());
    assertEquals("not_visited", change.get("changes").get("status").get("before").asText());
    assertEquals("compliant", change.get("changes").get("status").get("after").asText());
    assertTrue(
        admin
                .json(admin.get("/api/audit?action=building.import&actor=system:demo"))
                .get("total")
                .asInt()
            >= 1,
        "the demo import is in the log too");
  }

  @Test
  void event_reports_transitions_and_photos_are_recorded_with_their_author() {
    Caller leader = app.loginDemo("heshan_leader");
    double[] p = org.gridmap.event.EventFixturesAccess.interiorPoint("370112101002003");
    HttpResponse<String> created =
        leader.post(
            "/api/events",
            "{\"type\":\"other\",\"location\":{\"lon\":"
                + p[0]
                + ",\"lat\":"
                + p[1]
                + "},\"occurredAt\":\"2026-11-01T08:00:00+08:00\","
                + "\"description\":{\"what\":\"路灯不亮\"},"
                + "\"reporter\":{\"name\":\"审计测试\",\"phone\":\"17000000001\"}}");
    assertEquals(201, created.statusCode(), created.body());
    String id = leader.json(created).get("id").asText();
    assertEquals(
        200,
        leader
            .post("/api/events/" + id + "/transitions", "{\"to\":\"accepted\",\"note\":\"已派单\"}")
            .statusCode());

    Caller admin = app.loginDemo("demo_admin");
    JsonNode log = admin.json(admin.get("/api/audit?entity=event&entityId=" + id));
    assertEquals(2, log.get("total").asInt(), log.toString());
    JsonNode transition = log.get("items").get(0);
    JsonNode create = log.get("items").get(1);
    assertEquals("event.create", create.get("action").asText());
    assertEquals("heshan_leader", create.get("actor").asText());
    assertEquals("other", create.get("changes").get("type").get("after").asText());
    assertEquals("370112101002003", create.get("changes").get("grid").get("after").asText());
    assertEquals("event.transition", transition.get("action").asText());
    assertEquals("heshan_leader", transition.get("actor").asText());
    assertEquals("reported", transition.get("changes").get("status").get("before").asText());
    assertEquals("accepted", transition.get("changes").get("status").get("after").asText());
    assertEquals("已派单", transition.get("detail").get("note").asText());
    assertTrue(!log.toString().contains("17000000001"), "reporter contacts stay out of the log");

    Caller open311 = app.anonymous();
    HttpResponse<String> resident =
        app.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(app.baseUrl() + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "service_code=other&lat=" + p[1] + "&long=" + p[0] + "&description=x"))
                .build());
    assertEquals(201, resident.statusCode(), resident.body());
    String rid = open311.json(resident).get(0).get("service_request_id").asText();
    JsonNode publicLog = admin.json(admin.get("/api/audit?entity=event&entityId=" + rid));
    assertEquals("public", publicLog.get("items").get(0).get("actor").asText());
  }

  @Test
  void demo_accounts_are_in_the_log_as_written_by_the_command_line() {
    Caller admin = app.loginDemo("demo_admin");
    JsonNode log = admin.json(admin.get("/api/audit?action=account.create&size=500"));
    assertTrue(
        log.get("items").findValuesAsText("actor").stream().anyMatch(a -> a.startsWith("cli:")));
  }

  @Test
  void audit_log_cannot_be_edited_through_the_api_or_the_database() throws SQLException {
    Caller admin = app.loginDemo("demo_admin");
    int put = admin.request("PUT", "/api/audit", "{}", true).statusCode();
    int delete = admin.request("DELETE", "/api/audit", null, true).statusCode();
    assertTrue(put == 404 || put == 405, "PUT " + put);
    assertTrue(delete == 404 || delete == 405, "DELETE " + delete);
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        Statement s = c.createStatement()) {
      assertThrows(
          SQLException.class, () -> s.execute("UPDATE audit_log SET actor = 'someone else'"));
      assertThrows(SQLException.class, () -> s.execute("DELETE FROM audit_log"));
    }
  }

  @Test
  void bad_filters_are_400() {
    Caller admin = app.loginDemo("demo_admin");
    assertEquals(400, admin.get("/api/audit?from=yesterday").statusCode());
    assertEquals(400, admin.get("/api/audit?size=100000").statusCode());
  }
}
