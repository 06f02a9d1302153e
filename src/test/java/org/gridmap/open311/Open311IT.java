package org.gridmap.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open311 GeoReport v2 against the shapes of the specification's examples (wiki.open311.org
 * GeoReport_v2): the same keys, the spec's error form, open/closed states, the 90-day window; a
 * resident's request lands in the right grid, and no answer carries the reporter's name, phone or
 * e-mail.
 */
class Open311IT {
  static final String BASE = "/open311/v2";
  static final String GRID = "370112101001001";

  /** The keys of the spec's GET requests example, in its order. */
  static final List<String> REQUEST_KEYS =
      List.of(
          "service_request_id",
          "status",
          "status_notes",
          "service_name",
          "service_code",
          "description",
          "agency_responsible",
          "service_notice",
          "requested_datetime",
          "updated_datetime",
          "expected_datetime",
          "address",
          "address_id",
          "zipcode",
          "lat",
          "long",
          "media_url");

  private static TestApp app;
  private static Caller admin;

  @BeforeAll
  static void start() {
    app = TestApp.shared();
    admin = app.loginDemo("demo_admin");
  }

  static HttpResponse<String> postForm(TestApp on, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return on.send(
        HttpRequest.newBuilder(URI.create(on.baseUrl() + BASE + "/requests.json"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  static Map<String, String> request(double lon, double lat) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("service_code", "safety_hazard");
    f.put("lat", String.valueOf(lat));
    f.put("long", String.valueOf(lon));
    f.put("description", "井盖缺失，夜里有人差点踩空");
    f.put("address_string", "和平路12号门口");
    f.put("media_url", "https://photos.example.org/manhole.jpg");
    f.put("first_name", "Resident");
    f.put("last_name", "Zhouqiming");
    f.put("phone", "17000004321");
    f.put("email", "zhouqiming@example.com");
    f.put("device_id", "phone-1");
    return f;
  }

  private static Set<String> keys(JsonNode o) {
    Set<String> k = new TreeSet<>();
    o.fieldNames().forEachRemaining(k::add);
    return k;
  }

  @Test
  void discovery_names_the_geo_report_v2_endpoint() {
    JsonNode d = app.getJson(BASE + "/discovery.json");
    assertEquals(Set.of("changeset", "contact", "key_service", "endpoints"), keys(d));
    JsonNode endpoint = d.get("endpoints").get(0);
    assertEquals(Set.of("specification", "url", "changeset", "type", "formats"), keys(endpoint));
    assertEquals("http://wiki.open311.org/GeoReport_v2", endpoint.get("specification").asText());
    assertTrue(endpoint.get("url").asText().endsWith("/open311/v2"));
    assertEquals("application/json", endpoint.get("formats").get(0).asText());
  }

  @Test
  void services_are_the_public_event_types_with_the_keys_of_the_spec() {
    JsonNode services = app.getJson(BASE + "/services.json");
    List<String> codes = new ArrayList<>();
    for (JsonNode s : services) {
      assertEquals(
          Set.of(
              "service_code",
              "service_name",
              "description",
              "metadata",
              "type",
              "keywords",
              "group"),
          keys(s));
      assertEquals("realtime", s.get("type").asText());
      codes.add(s.get("service_code").asText());
    }
    assertEquals(List.of("safety_hazard", "fire_hazard", "illegal_construction", "other"), codes);

    JsonNode def = app.getJson(BASE + "/services/illegal_construction.json");
    assertEquals(Set.of("service_code", "attributes"), keys(def));
    JsonNode since = def.get("attributes").get(0);
    assertEquals(
        Set.of(
            "variable",
            "code",
            "datatype",
            "required",
            "datatype_description",
            "order",
            "description"),
        keys(since));
    assertEquals("since", since.get("code").asText());
    assertTrue(since.get("required").asBoolean());
    assertEquals(0, app.getJson(BASE + "/services/other.json").get("attributes").size());

    HttpResponse<String> internal = app.get(BASE + "/services/dispute.json");
    assertEquals(404, internal.statusCode());
    JsonNode error = app.json(internal).get(0);
    assertEquals(404, error.get("code").asInt());
    assertTrue(error.get("description").asText().contains("dispute"));
  }

  @Test
  void a_posted_request_lands_in_its_grid_and_is_listed_without_personal_fields() {
    double[] p = org.gridmap.event.EventFixturesAccess.interiorPoint(GRID);
    HttpResponse<String> r = postForm(app, request(p[0], p[1]));
    assertEquals(201, r.statusCode(), r.body());
    JsonNode answer = app.json(r);
    assertEquals(1, answer.size());
    assertEquals(Set.of("service_request_id", "service_notice", "account_id"), keys(answer.get(0)));
    assertTrue(answer.get(0).get("account_id").isNull());
    String id = answer.get(0).get("service_request_id").asText();

    JsonNode staffView = admin.json(admin.get("/api/events/" + id));
    assertEquals(GRID, staffView.get("gridCode").asText());
    assertEquals("open311", staffView.get("reporter").get("source").asText());
    assertEquals("17000004321", staffView.get("reporter").get("phone").asText());
    Caller gridWorker = app.loginDemo("heping_grid1");
    assertEquals(
        "zhouqiming@example.com",
        gridWorker.json(gridWorker.get("/api/events/" + id)).get("reporter").get("email").asText(),
        "staff handling the event see the contacts");

    for (String path :
        List.of(
            BASE + "/requests.json",
            BASE + "/requests.json?service_request_id=" + id,
            BASE + "/requests/" + id + ".json",
            BASE + "/requests.json?service_code=safety_hazard&status=open")) {
      HttpResponse<String> list = app.get(path);
      assertEquals(200, list.statusCode(), path);
      JsonNode found = null;
      for (JsonNode item : app.json(list)) {
        assertEquals(new TreeSet<>(REQUEST_KEYS), keys(item), path);
        if (item.get("service_request_id").asText().equals(id)) {
          found = item;
        }
      }
      assertTrue(found != null, path + " lacks request " + id);
      assertEquals("open", found.get("status").asText());
      assertEquals("井盖缺失，夜里有人差点踩空", found.get("description").asText());
      assertEquals("和平路12号门口", found.get("address").asText());
      assertEquals(p[1], found.get("lat").asDouble(), 1e-7);
      assertEquals(p[0], found.get("long").asDouble(), 1e-7);
      assertEquals("和平社区第一网格", found.get("agency_responsible").asText());
      assertTrue(found.get("requested_datetime").asText().endsWith("+08:00"));
      for (String personal :
          List.of("Zhouqiming", "17000004321", "zhouqiming@example.com", "phone-1")) {
        assertFalse(list.body().contains(personal), path + " leaks " + personal);
      }
    }
  }

  @Test
  void internal_states_map_to_open_and_closed() {
    double[] p = org.gridmap.event.EventFixturesAccess.interiorPoint("370112101002002");
    String id =
        app.json(postForm(app, request(p[0], p[1]))).get(0).get("service_request_id").asText();
    for (String to : List.of("accepted", "in_progress", "resolved")) {
      assertEquals(
          200,
          admin
              .post(
                  "/api/events/" + id + "/transitions",
                  "{\"to\":\"" + to + "\",\"note\":\"张师傅已修好\"}")
              .statusCode());
      JsonNode r = app.getJson(BASE + "/requests/" + id + ".json").get(0);
      assertEquals(to.equals("resolved") ? "closed" : "open", r.get("status").asText(), to);
      assertFalse(r.toString().contains("张师傅"), "staff notes are not published");
    }
    JsonNode closed = app.getJson(BASE + "/requests.json?status=closed&service_code=safety_hazard");
    closed.forEach(r -> assertEquals("closed", r.get("status").asText()));
    assertTrue(closed.size() > 10);
  }

  @Test
  void the_date_range_defaults_to_the_last_90_days_and_may_not_exceed_90() {
    JsonNode recent = app.getJson(BASE + "/requests.json");
    OffsetDateTime limit = OffsetDateTime.now().minus(Duration.ofDays(90)).minusMinutes(1);
    assertTrue(recent.size() > 100);
    recent.forEach(
        r -> assertTrue(OffsetDateTime.parse(r.get("requested_datetime").asText()).isAfter(limit)));
    HttpResponse<String> tooLong =
        app.get(
            BASE + "/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
    assertEquals(400, tooLong.statusCode());
    assertEquals(400, app.json(tooLong).get(0).get("code").asInt());
    JsonNode window =
        app.getJson(
            BASE
                + "/requests.json?start_date=2026-09-01T00:00:00%2B08:00&end_date=2026-10-01T00:00:00%2B08:00");
    window.forEach(
        r -> {
          OffsetDateTime t = OffsetDateTime.parse(r.get("requested_datetime").asText());
          assertTrue(!t.isBefore(OffsetDateTime.parse("2026-09-01T00:00:00+08:00")));
          assertTrue(t.isBefore(OffsetDateTime.parse("2026-10-01T00:00:00+08:00")));
        });
    assertTrue(
        app.getJson(BASE + "/requests.json?service_code=dispute").isEmpty(),
        "internal types are not services");
  }

  @Test
  void bad_requests_get_the_spec_error_form_and_store_nothing() throws Exception {
    double[] p = org.gridmap.event.EventFixturesAccess.interiorPoint(GRID);
    long before = countEvents();
    Map<String, String> noLat = request(p[0], p[1]);
    noLat.remove("lat");
    Map<String, String> internal = request(p[0], p[1]);
    internal.put("service_code", "dispute");
    Map<String, String> noDescription = request(p[0], p[1]);
    noDescription.remove("description");
    Map<String, String> badLong = request(p[0], p[1]);
    badLong.put("long", "east");
    Map<String, String> noSince = request(p[0], p[1]);
    noSince.put("service_code", "illegal_construction");
    for (Map<String, String> bad : List.of(noLat, internal, noDescription, badLong, noSince)) {
      HttpResponse<String> r = postForm(app, bad);
      assertTrue(r.statusCode() == 400 || r.statusCode() == 422, r.statusCode() + " " + r.body());
      JsonNode error = app.json(r);
      assertTrue(error.isArray(), r.body());
      assertEquals(r.statusCode(), error.get(0).get("code").asInt());
      assertFalse(error.get(0).get("description").asText().isBlank());
    }
    HttpResponse<String> json =
        app.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + BASE + "/requests.json"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service_code\":\"other\"}"))
                .build());
    assertEquals(415, json.statusCode());
    assertEquals(415, app.json(json).get(0).get("code").asInt());
    assertEquals(before, countEvents());

    HttpResponse<String> missing = app.get(BASE + "/requests/999999999.json");
    assertEquals(404, missing.statusCode());
    assertEquals(404, app.json(missing).get(0).get("code").asInt());
    long dispute = org.gridmap.event.EventFixturesAccess.anyEventOfType("dispute");
    assertEquals(404, app.get(BASE + "/requests/" + dispute + ".json").statusCode());
  }

  @Test
  void public_submissions_are_rate_limited_per_address() {
    try (TestApp limited =
        TestApp.start(
            TestApp.config(TestDatabase.url()).with(Option.RATE_REPORT_PER_MINUTE, "2"))) {
      double[] p = org.gridmap.event.EventFixturesAccess.interiorPoint(GRID);
      assertEquals(201, postForm(limited, request(p[0], p[1])).statusCode());
      assertEquals(201, postForm(limited, request(p[0], p[1])).statusCode());
      HttpResponse<String> third = postForm(limited, request(p[0], p[1]));
      assertEquals(429, third.statusCode());
      assertEquals(429, limited.json(third).get(0).get("code").asInt());
      assertTrue(third.headers().firstValue("Retry-After").isPresent());
    }
  }

  private static long countEvents() throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM event")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
