package org.gridmap.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Calls every public GET route of the route table on the demo, as an anonymous caller, and scans
 * each answer for personal data: account names, password material, session or CSRF tokens, e-mail
 * addresses and mainland mobile numbers (later issues add staff phones not marked public, reporters
 * and residents to the same scan through the same route table).
 */
class PrivacyIT {
  private final TestApp app = TestApp.shared();

  private static final List<Pattern> PERSONAL =
      List.of(
          Pattern.compile("demo_admin|heshan_leader|xuzhuang_leader|heping_leader|heping_grid1"),
          Pattern.compile("Admin|Grid worker|领导|书记|网格员"),
          Pattern.compile("argon2|password|passwordHash|csrf", Pattern.CASE_INSENSITIVE),
          Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
          Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)"));

  @Test
  void public_routes_expose_no_personal_fields() {
    List<String> scanned = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    for (Route route : app.routes()) {
      if (!route.access().isPublic() || route.changesState()) {
        continue;
      }
      for (String code : List.of("370112101", "370112101001", "370112101001001", "370112102")) {
        String path =
            route
                .path()
                .replace("{code}", code)
                .replace("{fid}", code)
                .replace("{collection}", code.length() == 9 ? "towns" : "grids")
                .replace("{z}", String.valueOf(AccessMatrixIT.HESHAN_TILE.z()))
                .replace("{x}", String.valueOf(AccessMatrixIT.HESHAN_TILE.x()))
                .replace("{y}", String.valueOf(AccessMatrixIT.HESHAN_TILE.y()));
        HttpResponse<String> r = app.get(path);
        scanned.add(path + " " + r.statusCode());
        for (Pattern p : PERSONAL) {
          if (p.matcher(r.body()).find()) {
            leaks.add(path + " matches " + p.pattern());
          }
        }
      }
    }
    assertTrue(scanned.size() >= 8, "scanned " + scanned);
    assertTrue(leaks.isEmpty(), String.join("\n", leaks));
  }
}
