package org.gridmap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridmap.access.Role;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.tiles.TileCoord;
import org.junit.jupiter.api.Test;

/**
 * Walks the server's own route table: for every route, every role (and the public), and a target
 * inside and outside the caller's area scope, the answer must be "denied" (401/403) exactly when
 * the route's declared rule says so. A new route is in this matrix the moment it is in the table.
 */
class AccessMatrixIT {
  static final String HESHAN_GRID = "370112101001001";
  static final String HEPING = "370112101001";
  static final String XUZHUANG = "370112102";
  static final String XUZHUANG_VILLAGE = "370112102201";
  static final String XUZHUANG_GRID = "370112102201001";

  /** A tile with Heshan grids in it. */
  static final TileCoord HESHAN_TILE = TileCoord.ofZXY(14, 13522, 6395);

  private final TestApp app = TestApp.shared();

  private record Who(String name, Role role) {}

  private static final List<Who> CALLERS =
      List.of(
          new Who("public", null),
          new Who("demo_admin", Role.ADMIN),
          new Who("heshan_leader", Role.TOWN_LEADER),
          new Who("heping_leader", Role.COMMUNITY_LEADER),
          new Who("heping_grid1", Role.GRID_STAFF));

  /**
   * Register targets inside Heping's first grid (in scope for every Heshan caller) and in Xuzhuang
   * (out of scope). Buildings have survey records and places have inspections, so the admin's
   * DELETE in the walk is refused and the targets stay for the callers after it.
   */
  private Map<String, String> registerTargets() {
    Caller admin = app.loginDemo("demo_admin");
    long buildingIn = RegisterFixtures.building(app, admin, HESHAN_GRID);
    long buildingOut = RegisterFixtures.building(app, admin, XUZHUANG_GRID);
    long placeIn = RegisterFixtures.place(app, admin, HESHAN_GRID);
    long placeOut = RegisterFixtures.place(app, admin, XUZHUANG_GRID);
    RegisterFixtures.inspect(admin, placeIn);
    RegisterFixtures.inspect(admin, placeOut);
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("buildingId:in", String.valueOf(buildingIn));
    targets.put("buildingId:out", String.valueOf(buildingOut));
    targets.put("placeId:in", String.valueOf(placeIn));
    targets.put("placeId:out", String.valueOf(placeOut));
    targets.put("campaign:in", String.valueOf(RegisterFixtures.campaign(admin, HEPING)));
    targets.put("campaign:out", String.valueOf(RegisterFixtures.campaign(admin, XUZHUANG_VILLAGE)));
    return targets;
  }

  /** A fresh person in and out of scope for each caller: the admin's DELETE removes them. */
  private void addStaffTargets(Map<String, String> targets) {
    Caller admin = app.loginDemo("demo_admin");
    String everything =
        "{\"name\":true,\"photo\":true,\"role\":true,\"phone\":true,\"duties\":true}";
    targets.put(
        "staffId:in",
        String.valueOf(
            RegisterFixtures.staff(
                admin, HESHAN_GRID, "volunteer", "矩阵甲", "17000009901", everything)));
    targets.put(
        "staffId:out",
        String.valueOf(
            RegisterFixtures.staff(
                admin, XUZHUANG_GRID, "volunteer", "矩阵乙", "17000009902", everything)));
  }

  @Test
  void every_route_answers_every_role_as_its_rule_declares() {
    Map<String, Long> accountIds = accountIds();
    Map<String, String> targets = registerTargets();
    accountIds.put(IN_SCOPE_EVENT, eventIn(HESHAN_GRID));
    accountIds.put(OUT_OF_SCOPE_EVENT, eventIn(XUZHUANG));
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Who who : CALLERS) {
      addStaffTargets(targets);
      Caller caller = login(who);
      for (Route route : app.routes()) {
        for (boolean inScope : new boolean[] {true, false}) {
          String path = substitute(route.path(), inScope, accountIds, targets);
          String body = route.changesState() && !route.path().equals("/api/logout") ? "{}" : null;
          HttpResponse<String> r = caller.request(route.method().name(), path, body, true);
          boolean denied = r.statusCode() == 401 || r.statusCode() == 403;
          boolean expectDenied = expectDenied(route.access(), who.role(), inScope);
          checked++;
          if (denied != expectDenied || r.statusCode() >= 500) {
            failures.add(
                route.method()
                    + " "
                    + path
                    + " as "
                    + who.name()
                    + (inScope ? " (in scope)" : " (out of scope)")
                    + ": expected "
                    + (expectDenied ? "denied" : "allowed")
                    + ", got "
                    + r.statusCode()
                    + " "
                    + r.body());
          }
          if (route.path().equals("/api/logout") && who.role() != null) {
            caller = login(who); // logging out ended the session; log in again for the next routes
          }
        }
      }
    }
    assertTrue(
        failures.isEmpty(),
        failures.size() + " of " + checked + " checks failed:\n" + String.join("\n", failures));
    assertEquals(app.routes().size() * CALLERS.size() * 2, checked);
  }

  @Test
  void every_route_declares_an_access_rule() {
    for (Route route : app.routes()) {
      assertTrue(route.access() != null, route.path());
    }
  }

  private static boolean expectDenied(Access access, Role role, boolean inScope) {
    if (access.isPublic()) {
      return false;
    }
    if (role == null || !access.roles().contains(role)) {
      return true;
    }
    return access.scopedBy() != null && !inScope && role != Role.ADMIN;
  }

  private Caller login(Who who) {
    return who.role() == null ? app.anonymous() : app.loginDemo(who.name());
  }

  private static final String IN_SCOPE_EVENT = "(event in Heping grid 1)";
  private static final String OUT_OF_SCOPE_EVENT = "(event in Xuzhuang)";

  /**
   * In scope: targets under Heshan's Heping community (grid 1 for events, so that its grid worker
   * may see them); out of scope: Xuzhuang.
   */
  private static String substitute(
      String path, boolean inScope, Map<String, Long> ids, Map<String, String> targets) {
    Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1)) {
            case "code" -> inScope ? HESHAN_GRID : XUZHUANG;
            case "id" ->
                path.startsWith("/api/events/")
                    ? String.valueOf(ids.get(inScope ? IN_SCOPE_EVENT : OUT_OF_SCOPE_EVENT))
                    : String.valueOf(
                        inScope ? ids.get("heping_grid1") : ids.get("xuzhuang_leader"));
            case "collection" -> "grids";
            case "fid" -> inScope ? HESHAN_GRID : XUZHUANG;
            case "z" -> String.valueOf(HESHAN_TILE.z());
            case "x" -> String.valueOf(HESHAN_TILE.x());
            case "y" -> String.valueOf(HESHAN_TILE.y());
            case "keyId", "attachmentId" -> "987654321";
            case "staffId", "buildingId", "placeId", "campaign" ->
                targets.get(m.group(1) + (inScope ? ":in" : ":out"));
            case "hash" -> "0".repeat(64);
            case "serviceCode" -> "safety_hazard";
            case "requestId" -> String.valueOf(ids.get(IN_SCOPE_EVENT));
            default ->
                throw new AssertionError(
                    "the matrix does not know path parameter {" + m.group(1) + "} of " + path);
          };
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A demo event stored in the area (the demo events are loaded with the demo towns). */
  private long eventIn(String area) {
    Caller admin = app.loginDemo("demo_admin");
    HttpResponse<String> r = admin.get("/api/events?size=1&area=" + area);
    assertEquals(200, r.statusCode(), r.body());
    return admin.json(r).get("items").get(0).get("id").asLong();
  }

  private Map<String, Long> accountIds() {
    Caller admin = app.loginDemo("demo_admin");
    Map<String, Long> ids = new LinkedHashMap<>();
    admin
        .json(admin.get("/api/accounts?size=500"))
        .get("items")
        .forEach(a -> ids.put(a.get("username").asText(), a.get("id").asLong()));
    return ids;
  }
}
