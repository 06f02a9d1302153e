package org.gridmap.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Account management is scoped inside the query: a community leader lists, creates and disables
 * grid staff only within their community, and the totals and pages show only those.
 */
class AccountScopeIT {
  static final String HEPING = "370112101001";
  static final String HEPING_GRID_2 = "370112101001002";
  static final String OTHER_COMMUNITY_GRID = "370112101002001";

  private static TestApp app;
  private static Caller admin;
  private static Caller leader;

  @BeforeAll
  static void createStaffInTwoCommunities() {
    app = TestApp.shared();
    admin = app.loginDemo("demo_admin");
    leader = app.loginDemo("heping_leader");
    for (int i = 1; i <= 3; i++) {
      create(admin, "scope_heping_" + i, "grid_staff", HEPING_GRID_2, 201);
      create(admin, "scope_other_" + i, "grid_staff", OTHER_COMMUNITY_GRID, 201);
    }
  }

  @Test
  void community_leader_lists_only_staff_of_their_community_with_matching_totals_and_pages() {
    JsonNode all = leader.json(leader.get("/api/accounts?size=500"));
    Set<String> names = new HashSet<>();
    all.get("items").forEach(a -> names.add(a.get("username").asText()));
    assertTrue(
        names.containsAll(
            Set.of("scope_heping_1", "scope_heping_2", "scope_heping_3", "heping_grid1")));
    assertTrue(
        names.stream()
            .noneMatch(
                n ->
                    n.startsWith("scope_other") || n.endsWith("_leader") || n.equals("demo_admin")),
        names.toString());
    all.get("items").forEach(a -> assertEquals("grid_staff", a.get("role").asText()));
    assertEquals(names.size(), all.get("total").asInt());

    JsonNode page1 = leader.json(leader.get("/api/accounts?size=2&page=1"));
    JsonNode page2 = leader.json(leader.get("/api/accounts?size=2&page=2"));
    assertEquals(all.get("total").asInt(), page1.get("total").asInt());
    assertEquals(2, page1.get("items").size());
    assertTrue(page2.get("items").size() >= 1);
    assertTrue(
        !page1
            .get("items")
            .get(0)
            .get("username")
            .equals(page2.get("items").get(0).get("username")));
  }

  @Test
  void community_leader_creates_grid_staff_only_in_their_community() {
    create(leader, "scope_new_in", "grid_staff", HEPING_GRID_2, 201);
    create(leader, "scope_new_out", "grid_staff", OTHER_COMMUNITY_GRID, 403);
    create(leader, "scope_new_leader", "community_leader", HEPING, 403);
  }

  @Test
  void community_leader_disables_staff_of_their_community_only() {
    long inside = id("scope_heping_3");
    long outside = id("scope_other_3");
    HttpResponse<String> ok = leader.patch("/api/accounts/" + inside, "{\"disabled\":true}");
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(leader.json(ok).get("disabled").asBoolean());
    assertEquals(403, leader.patch("/api/accounts/" + outside, "{\"disabled\":true}").statusCode());
    assertEquals(403, leader.get("/api/accounts/" + outside).statusCode());
  }

  @Test
  void grid_staff_cannot_manage_accounts_or_read_the_audit_log() {
    Caller staff = app.loginDemo("heping_grid1");
    assertEquals(403, staff.get("/api/accounts").statusCode());
    assertEquals(403, staff.get("/api/audit").statusCode());
    assertEquals(403, staff.post("/api/accounts", "{}").statusCode());
  }

  @Test
  void town_leader_sees_their_town_but_not_the_other_town() {
    Caller heshan = app.loginDemo("heshan_leader");
    JsonNode list = heshan.json(heshan.get("/api/accounts?size=500"));
    Set<String> names = new HashSet<>();
    list.get("items").forEach(a -> names.add(a.get("username").asText()));
    assertTrue(names.containsAll(Set.of("heping_leader", "heping_grid1", "scope_other_1")));
    assertTrue(
        !names.contains("xuzhuang_leader")
            && !names.contains("demo_admin")
            && !names.contains("heshan_leader"));
  }

  private static long id(String username) {
    JsonNode list = admin.json(admin.get("/api/accounts?size=500&q=" + username));
    for (JsonNode a : list.get("items")) {
      if (a.get("username").asText().equals(username)) {
        return a.get("id").asLong();
      }
    }
    throw new AssertionError("no account " + username);
  }

  private static void create(Caller as, String username, String role, String area, int expected) {
    HttpResponse<String> r =
        as.post(
            "/api/accounts",
            "{\"username\":\""
                + username
                + "\",\"displayName\":\""
                + username
                + "\",\"role\":\""
                + role
                + "\",\"areas\":[\""
                + area
                + "\"]}");
    assertEquals(expected, r.statusCode(), r.body());
    if (expected == 201) {
      assertTrue(as.json(r).get("generatedPassword").asText().length() >= 10);
    }
  }
}
