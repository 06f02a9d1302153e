package org.gridmap.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The illegal-construction survey: Xuzhuang's demo campaigns through the API, changes kept with
 * their history, progress equal to a direct count in SQL, and scope.
 */
class SurveyIT {
  private static final String XUZHUANG = "370112102";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

  private static TestApp app;
  private static Caller admin;
  private static Caller xuzhuang;
  private static long first;
  private static long second;

  @BeforeAll
  static void demoCampaigns() {
    app = TestApp.shared();
    admin = app.loginDemo("demo_admin");
    xuzhuang = app.loginDemo("xuzhuang_leader");
    for (JsonNode c : xuzhuang.json(xuzhuang.get("/api/survey"))) {
      if (c.get("name").asText().equals("违法建设逐户排查（第一轮）")) {
        first = c.get("id").asLong();
        assertEquals("finished", c.get("state").asText());
      } else if (c.get("name").asText().equals("违法建设逐户排查（第二轮）")) {
        second = c.get("id").asLong();
        assertEquals("in_progress", c.get("state").asText());
      }
    }
    assertTrue(first > 0 && second > 0);
  }

  private static JsonNode progress(Caller by, long campaign, String area) {
    HttpResponse<String> r =
        by.get("/api/survey/" + campaign + "/progress?area=" + area + "&limit=1000");
    assertEquals(200, r.statusCode(), r.body());
    return by.json(r);
  }

  @Test
  void the_running_campaign_lists_fourteen_villages_with_7262_households_and_their_statuses() {
    JsonNode p = progress(xuzhuang, second, XUZHUANG);
    assertEquals(14, p.get("villages").size());
    assertEquals(27, p.get("grids").size());
    long households = 0;
    for (JsonNode v : p.get("villages")) {
      households += v.get("households").asLong();
      long byStatus = 0;
      for (JsonNode n : v.get("byStatus")) {
        byStatus += n.asLong();
      }
      assertEquals(v.get("buildings").asLong(), byStatus, v.get("code").asText());
    }
    assertEquals(7_262, households);
    JsonNode town = p.get("area");
    assertEquals(7_262, town.get("households").asLong());
    assertEquals(4_000, town.get("buildings").asLong());
    assertEquals(2_400, town.get("visited").asLong());
    assertEquals(60.0, town.get("visitedPercent").asDouble());
    assertEquals(1_600, p.get("notVisitedTotal").asLong());
    assertEquals(1_000, p.get("notVisited").size());
    p.get("notVisited").forEach(b -> assertEquals("not_visited", b.get("status").asText()));
    assertTrue(
        p.get("villages").findValues("visitedPercent").stream().anyMatch(v -> v.asDouble() == 100.0)
            && p.get("villages").findValues("visitedPercent").stream()
                .anyMatch(v -> v.asDouble() == 0.0),
        "the team finished some villages and has not reached others");
  }

  @Test
  void the_finished_campaign_surveyed_every_building_and_kept_each_rectification() {
    JsonNode town = progress(xuzhuang, first, XUZHUANG).get("area");
    assertEquals(4_000, town.get("visited").asLong());
    assertEquals(6, town.get("byStatus").get("rectified").asLong());
    assertEquals(3_994, town.get("byStatus").get("compliant").asLong());
    JsonNode rectified =
        xuzhuang.json(xuzhuang.get("/api/survey/" + first + "/records?status=rectified"));
    assertEquals(6, rectified.get("total").asInt());
    long building = rectified.get("items").get(0).get("building").asLong();
    JsonNode record =
        xuzhuang.json(xuzhuang.get("/api/survey/" + first + "/buildings/" + building));
    List<String> steps = new ArrayList<>();
    Instant last = Instant.MIN;
    for (JsonNode change : record.get("history")) {
      steps.add(change.get("from").asText() + ">" + change.get("to").asText());
      Instant at = Instant.parse(change.get("at").asText());
      assertTrue(at.isAfter(last));
      last = at;
      assertTrue(!change.get("actor").asText().isBlank() && !change.get("note").asText().isBlank());
    }
    assertEquals(
        List.of(
            "not_visited>imperfect_procedures",
            "imperfect_procedures>under_rectification",
            "under_rectification>rectified"),
        steps);
  }

  @Test
  void progress_counts_equal_a_direct_count_in_sql() throws SQLException {
    Map<String, Long> direct = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT split_part(b.path, '/', 3) AS village, r.status, count(*),"
                    + " sum(b.households) FROM survey_record r JOIN building b"
                    + " ON b.id = r.building_id WHERE r.campaign_id = ? GROUP BY 1, 2")) {
      ps.setLong(1, second);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          direct.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
          direct.merge(rs.getString(1) + " households", rs.getLong(4), Long::sum);
        }
      }
    }
    Map<String, Long> api = new TreeMap<>();
    for (JsonNode v : progress(admin, second, XUZHUANG).get("villages")) {
      String code = v.get("code").asText();
      v.get("byStatus")
          .properties()
          .forEach(
              e -> {
                if (e.getValue().asLong() > 0) {
                  api.put(code + " " + e.getKey(), e.getValue().asLong());
                }
              });
      api.put(code + " households", v.get("households").asLong());
    }
    assertEquals(direct, api);
  }

  @Test
  void a_record_changes_only_along_the_allowed_transitions_and_keeps_its_history() {
    long campaign = RegisterFixtures.campaign(admin, "370112101001002");
    long building = firstBuilding(admin, campaign);
    String changes = "/api/survey/" + campaign + "/buildings/" + building + "/changes";
    String photo = Base64.getEncoder().encodeToString(PNG);
    HttpResponse<String> found =
        admin.post(
            changes,
            "{\"status\":\"imperfect_procedures\",\"note\":\"屋顶加盖未审批\","
                + "\"attachments\":[{\"name\":\"现场.png\",\"data\":\""
                + photo
                + "\"}]}");
    assertEquals(201, found.statusCode(), found.body());
    assertEquals(201, admin.post(changes, "{\"status\":\"under_rectification\"}").statusCode());
    assertEquals(
        201, admin.post(changes, "{\"status\":\"rectified\",\"note\":\"已拆除\"}").statusCode());
    HttpResponse<String> again = admin.post(changes, "{\"status\":\"compliant\"}");
    assertEquals(409, again.statusCode());
    assertEquals("illegal_transition", admin.json(again).get("error").asText());
    assertEquals(400, admin.post(changes, "{\"status\":\"approved\"}").statusCode());
    assertEquals(
        422,
        admin
            .post(
                changes,
                "{\"status\":\"rectified\",\"attachments\":[{\"name\":\"a.txt\",\"data\":\""
                    + Base64.getEncoder().encodeToString("text".getBytes())
                    + "\"}]}")
            .statusCode());

    JsonNode record = admin.json(admin.get("/api/survey/" + campaign + "/buildings/" + building));
    assertEquals("rectified", record.get("status").asText());
    JsonNode history = record.get("history");
    assertEquals(3, history.size());
    assertEquals("demo_admin", history.get(0).get("actor").asText());
    assertEquals("屋顶加盖未审批", history.get(0).get("note").asText());
    JsonNode attachment = history.get(0).get("attachments").get(0);
    assertEquals("image/png", attachment.get("contentType").asText());
    HttpResponse<byte[]> file =
        download(
            "/api/survey/" + campaign + "/attachments/" + attachment.get("id").asLong(), admin);
    assertEquals(200, file.statusCode());
    assertArrayEquals(PNG, file.body());
    assertTrue(
        file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
  }

  @Test
  void a_finished_campaign_refuses_changes() {
    long building = firstBuilding(xuzhuang, first);
    HttpResponse<String> r =
        xuzhuang.post(
            "/api/survey/" + first + "/buildings/" + building + "/changes",
            "{\"status\":\"imperfect_procedures\"}");
    assertEquals(409, r.statusCode());
    assertEquals("campaign_not_open", xuzhuang.json(r).get("error").asText());
  }

  @Test
  void callers_see_the_campaigns_and_records_of_their_scope_only() {
    long heping = RegisterFixtures.campaign(admin, "370112101001");
    Caller worker = app.loginDemo("heping_grid1");
    for (JsonNode c : worker.json(worker.get("/api/survey"))) {
      assertTrue(c.get("area").asText().startsWith("370112101"), c.toString());
    }
    JsonNode mine = progress(worker, heping, "370112101001");
    JsonNode all = progress(admin, heping, "370112101001");
    assertEquals(1, mine.get("grids").size());
    assertEquals("370112101001001", mine.get("grids").get(0).get("code").asText());
    assertEquals(
        all.get("grids").get(0).get("buildings").asLong(),
        mine.get("area").get("buildings").asLong());
    assertEquals(
        403,
        app.loginDemo("heshan_leader").get("/api/survey/" + second + "/progress").statusCode());
    assertEquals(403, worker.post("/api/survey", "{}").statusCode());
    HttpResponse<String> elsewhere =
        app.loginDemo("heshan_leader")
            .post(
                "/api/survey",
                "{\"name\":\"越界\",\"area\":\"370112102\",\"startsOn\":\"2026-01-01\","
                    + "\"endsOn\":\"2026-12-31\"}");
    assertEquals(403, elsewhere.statusCode());
  }

  private static long firstBuilding(Caller by, long campaign) {
    return by.json(by.get("/api/survey/" + campaign + "/records?size=1"))
        .get("items")
        .get(0)
        .get("building")
        .asLong();
  }

  private static HttpResponse<byte[]> download(String path, Caller by) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                  .header("Cookie", by.cookie())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
