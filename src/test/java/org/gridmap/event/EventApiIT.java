package org.gridmap.event;

import static org.gridmap.event.EventFixtures.interiorPoint;
import static org.gridmap.event.EventFixtures.report;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.geo.ChinaOffsets;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reporting, reading, photos, CSV and statistics of events through the HTTP API on the demo. */
class EventApiIT {
  static final String HEPING_GRID_1 = "370112101001001";
  static final String XUZHUANG = "370112102";

  private static TestApp app;
  private static Caller admin;

  @BeforeAll
  static void start() {
    app = TestApp.shared();
    admin = app.loginDemo("demo_admin");
  }

  static JsonNode created(Caller as, String json) {
    HttpResponse<String> r = as.post("/api/events", json);
    assertEquals(201, r.statusCode(), r.body());
    return as.json(r);
  }

  @Test
  void an_event_posted_at_a_point_comes_back_with_its_grid_path_and_boundary_version() {
    double[] p = interiorPoint(HEPING_GRID_1);
    JsonNode e = created(admin, report("safety_hazard", p[0], p[1], null));
    assertEquals(HEPING_GRID_1, e.get("gridCode").asText());
    assertEquals("[\"370112101\",\"370112101001\",\"370112101001001\"]", e.get("path").toString());
    assertEquals(1, e.get("boundaryVersion").asInt());
    assertFalse(e.get("unassigned").asBoolean());
    assertEquals("reported", e.get("status").asText());
    assertEquals("reported", e.get("transitions").get(0).get("to").asText());
    assertTrue(e.get("reportedAt").asText().endsWith("+08:00"), e.get("reportedAt").asText());
    assertEquals("2026-01-01T09:00:00+08:00", e.get("occurredAt").asText());

    JsonNode read = admin.json(admin.get("/api/events/" + e.get("id").asText()));
    assertEquals(HEPING_GRID_1, read.get("gridCode").asText());
    assertEquals("和平社区第一网格", read.get("area").get(2).get("name").asText());
    assertEquals("community", read.get("area").get(1).get("level").asText());
    assertEquals(e.get("reportedAt"), read.get("reportedAt"));
    assertEquals(e.get("dueAt"), read.get("dueAt"));
  }

  @Test
  void gcj02_and_bd09_coordinates_land_in_the_same_grid_as_wgs84() {
    double[] p = interiorPoint("370112101003002");
    double[] gcj = ChinaOffsets.wgs84ToGcj02(p[0], p[1]);
    double[] bd = ChinaOffsets.wgs84ToBd09(p[0], p[1]);
    for (JsonNode e :
        List.of(
            created(admin, report("other", gcj[0], gcj[1], "GCJ-02")),
            created(admin, report("other", bd[0], bd[1], "BD-09")))) {
      assertEquals("370112101003002", e.get("gridCode").asText(), e.toString());
      assertEquals(p[0], e.get("location").get("lon").asDouble(), 1e-5);
      assertEquals(p[1], e.get("location").get("lat").asDouble(), 1e-5);
    }
  }

  @Test
  void a_vertex_shared_by_several_grids_belongs_to_the_grid_with_the_smallest_code() {
    String neighbour = EventFixtures.neighbourAcrossEdge(HEPING_GRID_1);
    double[] p = EventFixtures.sharedVertex(HEPING_GRID_1, neighbour);
    String expected = EventFixtures.smallestGridWithVertex(p);
    JsonNode e = created(admin, report("other", p[0], p[1], null));
    assertEquals(expected, e.get("gridCode").asText());
    assertTrue(expected.compareTo(neighbour) <= 0 && expected.compareTo(HEPING_GRID_1) <= 0);
  }

  @Test
  void a_point_outside_all_grids_is_stored_unassigned_and_only_admins_see_it() {
    Caller leader = app.loginDemo("heshan_leader");
    JsonNode e = created(leader, report("other", 117.6, 36.95, null));
    assertTrue(e.get("unassigned").asBoolean());
    assertTrue(e.get("gridCode").isNull());
    assertEquals(0, e.get("path").size());
    String id = e.get("id").asText();
    assertEquals(403, leader.get("/api/events/" + id).statusCode());
    assertEquals(200, admin.get("/api/events/" + id).statusCode());
    JsonNode list = admin.json(admin.get("/api/events?bbox=117.59,36.94,117.61,36.96"));
    assertTrue(list.get("total").asInt() >= 1);

    assertEquals(
        403,
        leader.post("/api/events/" + id + "/place", "{\"grid\":\"370112101002001\"}").statusCode());
    HttpResponse<String> placed =
        admin.post("/api/events/" + id + "/place", "{\"grid\":\"370112101002001\"}");
    assertEquals(200, placed.statusCode(), placed.body());
    assertEquals("370112101002001", admin.json(placed).get("gridCode").asText());
    assertEquals(200, leader.get("/api/events/" + id).statusCode(), "now in the leader's town");
    assertEquals(
        409,
        admin.post("/api/events/" + id + "/place", "{\"grid\":\"370112101002002\"}").statusCode());
    assertEquals(
        422,
        admin.post("/api/events/" + id + "/place", "{\"grid\":\"370112101002\"}").statusCode());
  }

  @Test
  void times_are_answered_in_the_configured_zone_and_read_in_it_without_offset() {
    try (TestApp berlin =
        TestApp.start(
            TestApp.config(org.gridmap.testing.TestDatabase.url())
                .with(org.gridmap.config.AppConfig.Option.TIME_ZONE, "Europe/Berlin"))) {
      Caller b = berlin.login("demo_admin", app.demoPassword("demo_admin"));
      double[] p = interiorPoint(HEPING_GRID_1);
      String local =
          report("other", p[0], p[1], null)
              .replace("2026-01-01T09:00:00+08:00", "2026-01-01T09:00:00");
      JsonNode e = created(b, local);
      assertEquals("2026-01-01T09:00:00+01:00", e.get("occurredAt").asText());
      assertTrue(
          e.get("reportedAt").asText().matches(".*\\+0[12]:00"), e.get("reportedAt").asText());
      JsonNode shanghai = admin.json(admin.get("/api/events/" + e.get("id").asText()));
      assertEquals("2026-01-01T16:00:00+08:00", shanghai.get("occurredAt").asText());
    }
  }

  @Test
  void bad_input_is_answered_4xx_as_json_and_nothing_is_stored() {
    double[] p = interiorPoint(HEPING_GRID_1);
    String good = report("dispute", p[0], p[1], null);
    record Case(String body, int status, String error) {}
    List<Case> cases =
        List.of(
            new Case(good.replaceFirst("\"location\":\\{[^}]*},", ""), 400, "invalid_location"),
            new Case(
                good.replaceFirst("\"lon\":[0-9.]+", "\"lon\":\"east\""), 400, "invalid_location"),
            new Case(
                good.replaceFirst("\"lat\":[0-9.]+", "\"lat\":95"), 400, "coordinate_out_of_range"),
            new Case(
                good.replaceFirst("\"lon\"", "\"crs\":\"EPSG:999999\",\"lon\""),
                400,
                "unknown_crs"),
            new Case(good.replace("\"dispute\"", "\"graffiti\""), 422, "unknown_event_type"),
            new Case(good.replace("\"type\":\"dispute\",", ""), 422, "missing_fields"),
            new Case(good.replace("2026-01-01T09", "2099-01-01T09"), 422, "occurred_in_future"),
            new Case(good.replace("\"severity\"", "\"severeness\""), 400, "unknown_field"),
            new Case("{\"type\":", 400, "invalid_json"));
    long before = EventFixtures.count("SELECT count(*) FROM event", null);
    for (Case c : cases) {
      HttpResponse<String> r = admin.post("/api/events", c.body());
      assertEquals(c.status(), r.statusCode(), c.body() + " -> " + r.body());
      assertEquals(c.error(), admin.json(r).get("error").asText(), r.body());
    }
    assertEquals(before, EventFixtures.count("SELECT count(*) FROM event", null));
  }

  @Test
  void missing_required_fields_of_the_type_are_named_in_a_422() {
    double[] p = interiorPoint(HEPING_GRID_1);
    String dispute =
        report("dispute", p[0], p[1], null)
            .replace(",\n \"who\":\"两户居民\",\"since\":\"一周前\"", "")
            .replace("\"who\":\"两户居民\",\"since\":\"一周前\"", "\"who\":\" \"");
    HttpResponse<String> r = admin.post("/api/events", dispute);
    assertEquals(422, r.statusCode(), r.body());
    JsonNode body = admin.json(r);
    assertEquals(
        "[\"description.who\",\"description.since\"]",
        body.get("details").get("missing").toString());
    assertTrue(body.get("message").asText().contains("矛盾纠纷"), body.toString());
    String log = report("public_opinion", p[0], p[1], null).replace("\"who\":\"两户居民\",", "");
    assertEquals(201, admin.post("/api/events", log).statusCode(), "a log needs only 'what'");
  }

  @Test
  void photos_are_stored_by_hash_and_refused_when_too_large_or_not_an_image() {
    double[] p = interiorPoint(HEPING_GRID_1);
    String id = created(admin, report("fire_hazard", p[0], p[1], null)).get("id").asText();
    byte[] png = new byte[2048];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, 0, png, 0, 8);
    png[100] = 42;
    HttpResponse<String> ok = upload(admin, id, png, "image/png");
    assertEquals(201, ok.statusCode(), ok.body());
    String hash = admin.json(ok).get("sha256").asText();
    assertEquals(PhotoStore.sha256(png), hash);

    HttpResponse<byte[]> file =
        app.sendBytes(authorized(admin, "/api/events/" + id + "/photos/" + hash).GET().build());
    assertEquals(200, file.statusCode());
    assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(png, file.body());

    assertEquals(413, declaredUpload(admin, id, 10 * 1024 * 1024 + 1));
    HttpResponse<String> text = upload(admin, id, "not a photo".getBytes(), "image/jpeg");
    assertEquals(415, text.statusCode());
    assertEquals("unsupported_photo_type", admin.json(text).get("error").asText());
    JsonNode photos = admin.json(admin.get("/api/events/" + id)).get("photos");
    assertEquals(1, photos.size(), "only the good photo is stored: " + photos);
    assertEquals("/api/events/" + id + "/photos/" + hash, photos.get(0).get("url").asText());

    Caller xuzhuang = app.loginDemo("xuzhuang_leader");
    assertEquals(403, upload(xuzhuang, id, png, "image/png").statusCode());
    assertEquals(403, xuzhuang.get("/api/events/" + id + "/photos/" + hash).statusCode());
  }

  @Test
  void staff_read_events_only_within_their_scope_with_matching_totals() {
    Caller grid = app.loginDemo("heping_grid1");
    JsonNode mine = grid.json(grid.get("/api/events?size=1000"));
    assertTrue(mine.get("total").asInt() > 10);
    mine.get("items")
        .forEach(
            e ->
                assertTrue(
                    e.get("gridCode").asText().equals(HEPING_GRID_1), e.get("gridCode").asText()));
    JsonNode all = admin.json(admin.get("/api/events?size=1"));
    assertTrue(all.get("total").asInt() > mine.get("total").asInt());
    JsonNode other = grid.json(grid.get("/api/events?area=" + XUZHUANG));
    assertEquals(0, other.get("total").asInt());
    String xuzhuangEvent =
        admin
            .json(admin.get("/api/events?size=1&area=" + XUZHUANG))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    assertEquals(403, grid.get("/api/events/" + xuzhuangEvent).statusCode());
    assertTrue(
        !grid.json(grid.get("/api/events?size=1000")).toString().contains("1700000"),
        "lists never carry reporter contacts");
  }

  @Test
  void the_list_filters_by_bbox_area_type_status_overdue_and_pages() {
    JsonNode fire = admin.json(admin.get("/api/events?type=fire_hazard&size=200"));
    fire.get("items").forEach(e -> assertEquals("fire_hazard", e.get("type").asText()));
    JsonNode closed = admin.json(admin.get("/api/events?status=closed&size=200"));
    closed.get("items").forEach(e -> assertEquals("closed", e.get("status").asText()));
    JsonNode overdue = admin.json(admin.get("/api/events?overdue=true&size=500"));
    assertTrue(overdue.get("total").asInt() > 10, "the demo has overdue events");
    overdue.get("items").forEach(e -> assertTrue(e.get("overdue").asBoolean(), e.toString()));
    JsonNode community = admin.json(admin.get("/api/events?area=370112101002&size=500"));
    community
        .get("items")
        .forEach(e -> assertTrue(e.get("gridCode").asText().startsWith("370112101002")));
    double[] p = interiorPoint("370112101002001");
    String bbox =
        (p[0] - 0.002) + "," + (p[1] - 0.002) + "," + (p[0] + 0.002) + "," + (p[1] + 0.002);
    JsonNode box = admin.json(admin.get("/api/events?size=1000&bbox=" + bbox));
    assertTrue(box.get("total").asInt() > 100, "the market is a hotspot: " + box.get("total"));
    box.get("items")
        .forEach(
            e -> {
              double lon = e.get("location").get("lon").asDouble();
              assertTrue(lon >= p[0] - 0.002 && lon <= p[0] + 0.002);
            });
    JsonNode page1 = admin.json(admin.get("/api/events?size=5&page=1"));
    JsonNode page2 = admin.json(admin.get("/api/events?size=5&page=2"));
    assertEquals(page1.get("total"), page2.get("total"));
    assertFalse(page1.get("items").get(0).get("id").equals(page2.get("items").get(0).get("id")));
    JsonNode range =
        admin.json(admin.get("/api/events?from=2026-01-01&to=2026-01-01T00:00:01&size=1"));
    assertTrue(range.get("total").asInt() >= 0);
    for (String bad :
        List.of("bbox=1,2,3", "status=done", "type=graffiti", "overdue=maybe", "from=yesterday")) {
      assertEquals(400, admin.get("/api/events?" + bad).statusCode(), bad);
    }
    assertEquals(404, admin.get("/api/events?area=999").statusCode());
  }

  @Test
  void csv_export_is_utf8_with_bom_and_crlf_and_has_no_reporter_contacts() {
    HttpResponse<byte[]> r =
        app.sendBytes(authorized(admin, "/api/events?format=csv&area=370112101002").GET().build());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    byte[] b = r.body();
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {b[0], b[1], b[2]});
    String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertTrue(lines[0].startsWith("编号 id,类型 type,类型名称 type name"), lines[0]);
    assertTrue(lines.length > 100);
    assertTrue(text.contains("农贸市场"), "Chinese descriptions come through");
    assertFalse(text.contains("1700000") || text.contains("@example.com"), "no contacts");
    HttpResponse<byte[]> accept =
        app.sendBytes(
            authorized(admin, "/api/events?size=3").header("Accept", "text/csv").GET().build());
    assertTrue(accept.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
  }

  @Test
  void possible_duplicates_are_open_events_of_the_same_type_within_50_metres() {
    double[] p = interiorPoint("370112101004003");
    double metre = 1 / 111_000.0;
    long first = created(admin, report("other", p[0], p[1], null)).get("id").asLong();
    JsonNode near = created(admin, report("other", p[0] + 10 * metre, p[1], null));
    JsonNode otherType = created(admin, report("fire_hazard", p[0] + 10 * metre, p[1], null));
    JsonNode far = created(admin, report("other", p[0], p[1] + 200 * metre, null));
    assertTrue(ids(near.get("possibleDuplicates")).contains(first));
    assertFalse(ids(otherType.get("possibleDuplicates")).contains(first));
    assertFalse(ids(far.get("possibleDuplicates")).contains(first));

    long second = near.get("id").asLong();
    HttpResponse<String> marked =
        admin.post(
            "/api/events/" + second + "/transitions",
            "{\"to\":\"duplicate\",\"duplicateOf\":" + first + ",\"note\":\"同一井盖\"}");
    assertEquals(200, marked.statusCode(), marked.body());
    assertEquals(first, admin.json(marked).get("duplicateOf").asLong());
    HttpResponse<String> loop =
        admin.post(
            "/api/events/" + first + "/transitions",
            "{\"to\":\"duplicate\",\"duplicateOf\":" + second + "}");
    assertEquals(422, loop.statusCode(), loop.body());
    JsonNode after = created(admin, report("other", p[0] + 5 * metre, p[1], null));
    assertFalse(ids(after.get("possibleDuplicates")).contains(second), "duplicates are not open");
  }

  @Test
  void resolution_rates_answer_per_community_and_the_public_sees_suppressed_aggregates() {
    Caller leader = app.loginDemo("heshan_leader");
    JsonNode stats = leader.json(leader.get("/api/stats/events?area=370112101"));
    double town = stats.get("area").get("resolutionRate").asDouble();
    assertTrue(town > 0.96 && town < 0.995, "Heshan resolution rate " + town);
    assertEquals(7, stats.get("children").size());
    stats
        .get("children")
        .forEach(
            c -> {
              assertEquals("community", c.get("level").asText());
              assertTrue(c.get("resolutionRate").asDouble() > 0.9, c.toString());
              assertTrue(c.get("onTimeRate").asDouble() > 0.8, c.toString());
            });
    assertTrue(stats.get("area").get("overdue").asInt() > 0);
    Caller community = app.loginDemo("heping_leader");
    assertEquals(403, community.get("/api/stats/events?area=370112102").statusCode());
    assertEquals(200, community.get("/api/stats/events?area=370112101001").statusCode());
    assertEquals(400, community.get("/api/stats/events").statusCode());

    JsonNode pub =
        app.getJson("/api/public/stats/events?area=370112101001&from=2026-11-01&to=2026-11-08");
    List<String> shown = new ArrayList<>();
    pub.get("children")
        .forEach(
            c -> {
              JsonNode total = c.get("total");
              assertTrue(
                  total.isTextual()
                      ? total.asText().equals("<5")
                      : total.asInt() >= 5 || total.asInt() == 0,
                  c.toString());
              assertFalse(c.has("handled") || c.has("open") || c.has("overdue"), c.toString());
              shown.add(total.asText());
            });
    assertTrue(shown.contains("<5"), "a week per grid is a small count: " + shown);
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.forEach(e -> ids.add(e.get("id").asLong()));
    return ids;
  }

  private static HttpRequest.Builder authorized(Caller as, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
    b.header("Cookie", as.cookie());
    b.header("X-CSRF-Token", as.csrf());
    return b;
  }

  /**
   * The status answered to a photo upload that declares {@code length} bytes, read before any byte
   * of the body is sent: the refusal of an oversized body must not depend on a race between the
   * server closing the connection and the client still writing.
   */
  private static int declaredUpload(Caller as, String id, long length) {
    URI base = URI.create(app.baseUrl());
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(15_000);
      String request =
          "POST /api/events/"
              + id
              + "/photos HTTP/1.1\r\nHost: "
              + base.getHost()
              + "\r\nCookie: "
              + as.cookie()
              + "\r\nX-CSRF-Token: "
              + as.csrf()
              + "\r\nContent-Type: image/png\r\nContent-Length: "
              + length
              + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    } catch (java.io.IOException e) {
      throw new AssertionError("no answer to an oversized upload", e);
    }
  }

  private static HttpResponse<String> upload(Caller as, String id, byte[] bytes, String type) {
    return app.send(
        authorized(as, "/api/events/" + id + "/photos")
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }
}
