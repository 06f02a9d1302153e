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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Calls every public GET route of the route table on the demo, as an anonymous caller, and scans
 * each answer for personal data: account names, password material, session or CSRF tokens, e-mail
 * addresses, mainland mobile numbers, and the names of the demo events' reporters (residents with
 * synthetic names, phones and e-mails). Path parameters are filled with demo areas, services and
 * request ids; routes that take {@code ?area=} are called with it.
 */
class PrivacyIT {
  private final TestApp app = TestApp.shared();

  private static final List<String> AREAS =
      List.of("370112101", "370112101001", "370112101001001", "370112102");

  private static final List<Pattern> PERSONAL =
      List.of(
          Pattern.compile("demo_admin|heshan_leader|xuzhuang_leader|heping_leader|heping_grid1"),
          Pattern.compile("Admin|Grid worker|领导|书记|网格员"),
          Pattern.compile("argon2|password|passwordHash|csrf", Pattern.CASE_INSENSITIVE),
          Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
          Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)"),
          demoReporterNames());

  @Test
  void public_routes_expose_no_personal_fields() {
    List<String> scanned = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    Set<String> paths = new LinkedHashSet<>();
    List<String> requestIds = openRequestIds();
    for (Route route : app.routes()) {
      if (!route.access().isPublic() || route.changesState()) {
        continue;
      }
      for (String code : AREAS) {
        String path = route.path().replace("{code}", code);
        paths.add(path);
        if (!route.path().contains("{")) {
          paths.add(path + "?area=" + code);
        }
      }
      if (route.path().contains("{serviceCode}")) {
        for (String service : List.of("safety_hazard", "fire_hazard", "illegal_construction")) {
          paths.add(route.path().replace("{serviceCode}", service));
        }
      }
      if (route.path().contains("{requestId}")) {
        paths.removeIf(p -> p.contains("{requestId}"));
        requestIds.forEach(id -> paths.add(route.path().replace("{requestId}", id)));
      }
    }
    paths.removeIf(p -> p.contains("{"));
    for (String path : paths) {
      HttpResponse<String> r = app.get(path);
      scanned.add(path + " " + r.statusCode());
      for (Pattern p : PERSONAL) {
        if (p.matcher(r.body()).find()) {
          leaks.add(
              path + " matches " + p.pattern().substring(0, Math.min(80, p.pattern().length())));
        }
      }
    }
    assertTrue(scanned.size() >= 8, "scanned " + scanned);
    assertTrue(
        scanned.stream().anyMatch(s -> s.startsWith("/open311/v2/requests/") && s.endsWith(" 200")),
        "no single Open311 request was scanned: " + scanned);
    assertTrue(leaks.isEmpty(), String.join("\n", leaks));
  }

  /** Open311 requests from the demo whose reporters left a name, phone or e-mail. */
  private List<String> openRequestIds() {
    JsonNode list = app.getJson("/open311/v2/requests.json");
    List<String> ids = new ArrayList<>();
    list.forEach(r -> ids.add(r.get("service_request_id").asText()));
    assertTrue(ids.size() > 100, "the demo should have public requests in the last 90 days");
    return ids.subList(0, 40);
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
