package org.gridmap.locate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server of its own with a small bulk limit and a fast boundary check: the limit holds for
 * declared and for chunked bodies, and boundaries changed behind the server's back (plain SQL) are
 * picked up without a restart.
 */
class LocateSettingsIT {
  static String url;
  static TestApp app;
  static String apiKey;

  @BeforeAll
  static void start() throws Exception {
    url = TestDatabase.freshDatabase("locate_settings");
    app =
        TestApp.start(
            TestApp.config(url)
                .with(Option.MAX_BULK_BYTES, "1000")
                .with(Option.LOCATE_REFRESH_SECONDS, "1")
                .with(Option.RATE_PUBLIC_PER_MINUTE, "5"));
    apiKey = staffApiKey(url);
  }

  /** A grid_staff account with an API key, written directly (no password hashing needed). */
  static String staffApiKey(String url) throws Exception {
    String secret = "s3cretForTheLimitTest";
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement account =
            c.prepareStatement(
                "INSERT INTO account (username, display_name, role, password_hash)"
                    + " VALUES ('limit_staff', 'Limit test', 'grid_staff', 'x') RETURNING id");
        PreparedStatement key =
            c.prepareStatement(
                "INSERT INTO api_key (account_id, prefix, secret_hash, name)"
                    + " VALUES (?, 'limitkey', ?, 'test')")) {
      ResultSet rs = account.executeQuery();
      rs.next();
      key.setLong(1, rs.getLong(1));
      key.setBytes(2, MessageDigest.getInstance("SHA-256").digest(secret.getBytes(UTF_8)));
      key.executeUpdate();
    }
    return "gm_limitkey_" + secret;
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private JsonNode locate(String path) {
    return app.json(
        app.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + apiKey)
                .build()));
  }

  private HttpResponse<String> bulk(HttpRequest.BodyPublisher body) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/locate/bulk"))
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + apiKey)
            .POST(body)
            .build());
  }

  @Test
  void bulk_bodies_over_the_configured_size_are_413_declared_or_chunked() {
    String big = "lon,lat\n" + "117.1,36.6\n".repeat(200);
    HttpResponse<String> declared = bulk(HttpRequest.BodyPublishers.ofString(big));
    assertEquals(413, declared.statusCode(), declared.body());
    HttpResponse<String> chunked =
        bulk(
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes())));
    assertEquals(413, chunked.statusCode(), chunked.body());
    assertEquals("payload_too_large", app.json(chunked).get("error").asText());
    HttpResponse<String> small = bulk(HttpRequest.BodyPublishers.ofString("lon,lat\n117.1,36.6\n"));
    assertEquals(200, small.statusCode(), small.body());
  }

  @Test
  void locate_is_rate_limited_per_ip_for_anonymous_callers_but_not_with_an_api_key() {
    int anonymous429 = 0;
    for (int i = 0; i < 8; i++) {
      if (app.get("/api/locate?lon=117&lat=36").statusCode() == 429) {
        anonymous429++;
      }
    }
    assertTrue(anonymous429 >= 3, anonymous429 + " of 8 anonymous requests refused");
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r =
          app.send(
              HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/locate?lon=117&lat=36"))
                  .header("Authorization", "Bearer " + apiKey)
                  .build());
      assertEquals(200, r.statusCode(), r.body());
    }
  }

  @Test
  void a_boundary_changed_with_plain_sql_is_seen_without_a_restart() throws Exception {
    String query = "/api/locate?lon=120.5&lat=30.5";
    assertTrue(locate(query).get("outside").asBoolean());
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO area (code, name, level, boundary) VALUES ('SQLTOWN', 'SQL town', 'town',"
              + " ST_Multi(ST_MakeEnvelope(120, 30, 121, 31, 4326)))");
    }
    JsonNode seen = null;
    for (int i = 0; i < 100; i++) {
      seen = locate(query);
      if (!seen.get("outside").asBoolean()) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("SQLTOWN", seen.get("path").get(0).get("code").asText(), seen.toString());
  }
}
