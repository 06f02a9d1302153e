package org.gridmap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The web page and everything it loads come from this server: no CDN, no basemap by default. */
class WebAppIT {
  private final TestApp app = TestApp.shared();

  @Test
  void index_page_loads_leaflet_and_scripts_from_this_server_only() {
    HttpResponse<String> page = app.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    int assets = 0;
    while (m.find()) {
      String ref = m.group(1);
      assertFalse(
          ref.startsWith("http:") || ref.startsWith("https:") || ref.startsWith("//"),
          "external reference " + ref);
      if (!ref.startsWith("#")) {
        String path = ref.startsWith("/") ? ref : "/" + ref;
        assertEquals(200, app.get(path).statusCode(), path);
        assets++;
      }
    }
    assertTrue(assets >= 3, "page, Leaflet css/js and app script");
    assertTrue(page.body().contains("/webjars/leaflet/1.9.4/dist/leaflet.js"));
  }

  @Test
  void no_basemap_is_configured_by_default() {
    assertEquals("", app.getJson("/api/config").get("tileUrl").asText());
  }

  @Test
  void responses_carry_security_headers() {
    HttpResponse<String> r = app.get("/");
    assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""));
    assertTrue(
        r.headers()
            .firstValue("content-security-policy")
            .orElse("")
            .contains("frame-ancestors 'none'"));
  }
}
