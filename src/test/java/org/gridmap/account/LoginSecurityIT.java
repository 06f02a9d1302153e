package org.gridmap.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Lockout, rate limits, CSRF, session cookie and expiry, API keys — each on a server of its own
 * settings.
 */
class LoginSecurityIT {

  private static TestApp start(Option option, String value, Option option2, String value2) {
    return TestApp.start(
        TestApp.config(TestDatabase.url())
            .with(Option.RATE_PUBLIC_PER_MINUTE, "100000")
            .with(Option.RATE_LOGIN_PER_MINUTE, "100000")
            .with(option, value)
            .with(option2, value2));
  }

  private static String password() {
    return TestApp.shared().demoPassword("heping_grid1");
  }

  private static HttpResponse<String> login(TestApp app, String user, String password) {
    return app.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/login"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
            .build());
  }

  @Test
  void username_is_locked_after_repeated_failures_even_for_the_right_password() {
    String right = password();
    try (TestApp app = start(Option.LOGIN_MAX_FAILURES, "3", Option.LOGIN_LOCKOUT_SECONDS, "600")) {
      assertEquals(401, login(app, "heping_grid1", "wrong-password-1").statusCode());
      assertEquals(401, login(app, "heping_grid1", "wrong-password-2").statusCode());
      HttpResponse<String> third = login(app, "heping_grid1", "wrong-password-3");
      assertEquals(429, third.statusCode());
      HttpResponse<String> locked = login(app, "heping_grid1", right);
      assertEquals(429, locked.statusCode(), locked.body());
      assertTrue(locked.body().contains("login_locked"));
      assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) > 0);
      // unknown usernames are throttled the same way, so lockout does not reveal who exists
      for (int i = 0; i < 3; i++) {
        login(app, "nobody_here", "wrong-password");
      }
      assertEquals(429, login(app, "nobody_here", "wrong-password").statusCode());
    }
  }

  @Test
  void login_is_rate_limited_per_ip_with_retry_after() {
    try (TestApp app = start(Option.RATE_LOGIN_PER_MINUTE, "3", Option.LOGIN_MAX_FAILURES, "100")) {
      for (int i = 0; i < 3; i++) {
        assertEquals(401, login(app, "someone" + i, "wrong-password").statusCode());
      }
      HttpResponse<String> limited = login(app, "someone", "wrong-password");
      assertEquals(429, limited.statusCode());
      assertEquals("rate_limited", app.json(limited).get("error").asText());
      assertTrue(limited.headers().firstValue("Retry-After").isPresent());
    }
  }

  @Test
  void anonymous_api_traffic_is_rate_limited_per_ip() {
    try (TestApp app =
        start(Option.RATE_PUBLIC_PER_MINUTE, "5", Option.RATE_LOGIN_PER_MINUTE, "100")) {
      for (int i = 0; i < 5; i++) {
        assertEquals(200, app.get("/api/areas?level=town").statusCode());
      }
      HttpResponse<String> r = app.get("/api/areas?level=town");
      assertEquals(429, r.statusCode());
      assertTrue(r.headers().firstValue("Retry-After").isPresent());
    }
  }

  @Test
  void session_cookie_is_http_only_and_same_site_lax_and_not_secure_over_plain_http() {
    TestApp app = TestApp.shared();
    HttpResponse<String> r = login(app, "heping_grid1", password());
    String cookie =
        r.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("gm_session="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    assertFalse(cookie.contains("Secure"), cookie);
  }

  @Test
  void state_changing_request_with_session_but_without_csrf_token_is_refused() {
    TestApp app = TestApp.shared();
    Caller admin = app.loginDemo("demo_admin");
    String body =
        "{\"username\":\"csrf_victim\",\"displayName\":\"x\",\"role\":\"grid_staff\",\"areas\":[\"370112101001001\"]}";
    HttpResponse<String> refused = admin.request("POST", "/api/accounts", body, false);
    assertEquals(403, refused.statusCode());
    assertEquals("csrf_token_invalid", admin.json(refused).get("error").asText());
    assertEquals(0, admin.json(admin.get("/api/accounts?q=csrf_victim")).get("total").asInt());
    assertEquals(201, admin.request("POST", "/api/accounts", body, true).statusCode());
  }

  @Test
  void idle_session_expires() throws InterruptedException {
    try (TestApp app = start(Option.SESSION_IDLE_SECONDS, "1", Option.LOGIN_MAX_FAILURES, "100")) {
      Caller staff = app.login("heping_grid1", password());
      assertEquals("heping_grid1", staff.json(staff.get("/api/me")).get("username").asText());
      Thread.sleep(2500);
      assertEquals("public", staff.json(staff.get("/api/me")).get("role").asText());
      assertEquals(401, staff.get("/api/me/api-keys").statusCode());
    }
  }

  @Test
  void logout_ends_the_session() {
    TestApp app = TestApp.shared();
    Caller staff = app.loginDemo("heping_grid1");
    assertEquals(204, staff.post("/api/logout", null).statusCode());
    assertEquals(401, staff.get("/api/me/api-keys").statusCode());
  }

  @Test
  void api_key_authenticates_machine_clients_without_csrf_until_revoked() {
    TestApp app = TestApp.shared();
    Caller leader = app.loginDemo("heshan_leader");
    HttpResponse<String> created = leader.post("/api/me/api-keys", "{\"name\":\"nightly sync\"}");
    assertEquals(201, created.statusCode(), created.body());
    String key = leader.json(created).get("key").asText();
    long id = leader.json(created).get("id").asLong();
    Caller machine = app.withApiKey(key);
    assertEquals("heshan_leader", machine.json(machine.get("/api/me")).get("username").asText());
    assertEquals(200, machine.get("/api/accounts").statusCode());
    assertEquals(204, leader.delete("/api/me/api-keys/" + id).statusCode());
    assertEquals(401, machine.get("/api/accounts").statusCode());
    assertEquals(401, app.withApiKey("gm_nope_nope").get("/api/areas").statusCode());
  }

  @Test
  void wrong_password_and_unknown_user_get_the_same_answer() {
    TestApp app = TestApp.shared();
    HttpResponse<String> a = login(app, "heping_leader", "not-the-password");
    HttpResponse<String> b = login(app, "no_such_user_x", "not-the-password");
    assertEquals(401, a.statusCode());
    assertEquals(a.body(), b.body());
  }
}
