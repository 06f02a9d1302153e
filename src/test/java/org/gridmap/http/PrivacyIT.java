package org.gridmap.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridmap.testing.RegisterFixtures;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Calls every public GET route of the route table on the demo, as an anonymous caller, for every
 * area, person and key place it can be asked about, and scans each answer for personal data:
 * account names, password material, session or CSRF tokens, e-mail addresses, mobile numbers other
 * than the phones staff marked public, the names and phones of staff who did not mark them public,
 * and anything resident-like (ID card numbers, resident name fields).
 */
class PrivacyIT {
  private static final String HEPING_GRID_1 = "370112101001001";
  private static final List<String> CODES =
      List.of("370112101", "370112101001", HEPING_GRID_1, "370112102", "370112102201001");

  private final TestApp app = TestApp.shared();

  private static final List<Pattern> PERSONAL =
      List.of(
          Pattern.compile("demo_admin|heshan_leader|xuzhuang_leader|heping_leader|heping_grid1"),
          Pattern.compile("Admin|领导|书记|第一网格员 Grid worker"),
          Pattern.compile("argon2|password|passwordHash|csrf", Pattern.CASE_INSENSITIVE),
          Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
          Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)"),
          Pattern.compile("身份证|idNumber|id_number|residentName|resident_name"),
          // the residents who reported the demo events (synthetic names; phones and e-mails are
          // caught by the patterns above)
          demoReporterNames());

  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

  /** What the staff directory says may and may not appear publicly. */
  private record StaffPrivacy(
      Set<String> publicPhones,
      Set<String> privatePhones,
      Set<String> privateNames,
      Set<Long> ids) {}

  @Test
  void public_routes_expose_no_personal_fields() {
    StaffPrivacy staff = staffPrivacy();
    List<String> requestIds = openRequestIds();
    List<String> scanned = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    for (Route route : app.routes()) {
      if (!route.access().isPublic() || route.changesState()) {
        continue;
      }
      for (String path : concretePaths(route.path(), staff, requestIds)) {
        HttpResponse<String> r = app.get(path);
        scanned.add(path + " " + r.statusCode());
        String body = r.body();
        for (Pattern p : PERSONAL) {
          if (p.matcher(body).find()) {
            leaks.add(path + " matches " + p.pattern());
          }
        }
        Matcher mobile = MOBILE.matcher(body);
        while (mobile.find()) {
          if (!staff.publicPhones().contains(mobile.group())) {
            leaks.add(path + " shows the phone " + mobile.group() + ", which is not public");
          }
        }
        staff.privatePhones().stream()
            .filter(body::contains)
            .forEach(phone -> leaks.add(path + " shows the private phone " + phone));
        staff.privateNames().stream()
            .filter(body::contains)
            .forEach(name -> leaks.add(path + " shows the private name " + name));
      }
    }
    assertTrue(scanned.size() >= 40, "scanned " + scanned);
    assertTrue(
        scanned.stream().anyMatch(s -> s.contains("/staff") && s.endsWith(" 200")),
        "no public staff answer was scanned: " + scanned);
    assertTrue(
        scanned.stream().anyMatch(s -> s.startsWith("/open311/v2/requests/") && s.endsWith(" 200")),
        "no single Open311 request was scanned: " + scanned);
    assertTrue(leaks.isEmpty(), String.join("\n", leaks));
  }

  /** Every code, person and place a public route is about, and each with ?area= too. */
  private List<String> concretePaths(String template, StaffPrivacy staff, List<String> requestIds) {
    Set<String> paths = new LinkedHashSet<>();
    for (String code : CODES) {
      String path =
          template
              .replace("{code}", code)
              .replace("{fid}", code)
              .replace("{collection}", code.length() == 9 ? "towns" : "grids")
              .replace("{z}", String.valueOf(AccessMatrixIT.HESHAN_TILE.z()))
              .replace("{x}", String.valueOf(AccessMatrixIT.HESHAN_TILE.x()))
              .replace("{y}", String.valueOf(AccessMatrixIT.HESHAN_TILE.y()));
      List<String> expanded = new ArrayList<>();
      if (path.contains("{staffId}")) {
        staff.ids().forEach(id -> expanded.add(path.replace("{staffId}", String.valueOf(id))));
      } else if (path.contains("{serviceCode}")) {
        for (String service : List.of("safety_hazard", "fire_hazard", "illegal_construction")) {
          expanded.add(path.replace("{serviceCode}", service));
        }
      } else if (path.contains("{requestId}")) {
        requestIds.forEach(id -> expanded.add(path.replace("{requestId}", id)));
      } else if (path.contains("{placeId}")) {
        placeIds().forEach(id -> expanded.add(path.replace("{placeId}", String.valueOf(id))));
      } else {
        expanded.add(path);
      }
      for (String p : expanded) {
        paths.add(p);
        paths.add(p + "?area=" + code);
      }
    }
    return List.copyOf(paths);
  }

  private List<Long> placeIds() {
    List<Long> ids = new ArrayList<>();
    app.getJson("/api/places?area=" + HEPING_GRID_1.substring(0, 12))
        .forEach(p -> ids.add(p.get("id").asLong()));
    return ids.subList(0, Math.min(ids.size(), 5));
  }

  /**
   * Adds two people to Heping's first grid, one keeping name and phone private, then reads the
   * directory of that grid and its community as an admin: which phones and names are public.
   */
  private StaffPrivacy staffPrivacy() {
    Caller admin = app.loginDemo("demo_admin");
    RegisterFixtures.staff(
        admin,
        HEPING_GRID_1,
        "grid_police",
        "隐私甲警官",
        "17000009911",
        "{\"name\":false,\"photo\":true,\"role\":true,\"phone\":false,\"duties\":true}");
    RegisterFixtures.staff(
        admin,
        HEPING_GRID_1,
        "volunteer",
        "公开乙",
        "17000009912",
        "{\"name\":true,\"photo\":false,\"role\":true,\"phone\":true,\"duties\":false}");
    Set<String> publicPhones = new LinkedHashSet<>();
    Set<String> privatePhones = new LinkedHashSet<>();
    Set<String> privateNames = new LinkedHashSet<>();
    Set<Long> ids = new LinkedHashSet<>();
    for (String area : List.of("370112101001", "370112102201")) {
      JsonNode items = admin.json(admin.get("/api/staff?size=500&area=" + area)).get("items");
      for (JsonNode m : items) {
        JsonNode visible = m.get("public");
        String phone = m.get("phone").asText();
        (visible.get("phone").asBoolean() ? publicPhones : privatePhones).add(phone);
        if (!visible.get("name").asBoolean()) {
          privateNames.add(m.get("name").asText());
        }
        ids.add(m.get("id").asLong());
      }
    }
    privatePhones.removeAll(publicPhones);
    assertTrue(privatePhones.contains("17000009911") && privateNames.contains("隐私甲警官"));
    return new StaffPrivacy(publicPhones, privatePhones, privateNames, ids);
  }

  /** Open311 requests from the demo, many of whose reporters left a name, phone or e-mail. */
  private List<String> openRequestIds() {
    JsonNode list = app.getJson("/open311/v2/requests.json");
    List<String> ids = new ArrayList<>();
    list.forEach(r -> ids.add(r.get("service_request_id").asText()));
    assertTrue(ids.size() > 100, "the demo should have public requests in the last 90 days");
    return ids.subList(0, 20);
  }

  /** Every reporter name in the committed demo events, as one alternation. */
  private static Pattern demoReporterNames() {
    try {
      List<String> lines =
          Files.readAllLines(
              TestDatabase.projectDir().resolve("geodata/demo-events.csv"), StandardCharsets.UTF_8);
      Set<String> names =
          lines.stream()
              .skip(1)
              .map(l -> l.split(",", -1)[11])
              .filter(n -> !n.isEmpty())
              .collect(Collectors.toCollection(LinkedHashSet::new));
      assertTrue(names.size() > 50, "demo reporters: " + names.size());
      return Pattern.compile(names.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
