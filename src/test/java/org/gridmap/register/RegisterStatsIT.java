package org.gridmap.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/stats/registers}: figures rolled up from the data. On the untouched demo they are
 * exactly the promised ones; on any data, an area's figures are the sum of its children's.
 */
class RegisterStatsIT {
  private static final String HESHAN = "370112101";
  private static final String XUZHUANG = "370112102";
  private static final List<String> SUMMED =
      List.of(
          "buildings",
          "households",
          "registeredResidents",
          "floatingResidents",
          "rentalUnits",
          "keyPlaces");

  @Test
  void the_demo_reproduces_the_promised_figures_through_the_api() {
    TestApp demo = TestApp.pristineDemo();
    Caller heshan = demo.loginDemo("heshan_leader");
    JsonNode h = heshan.json(heshan.get("/api/stats/registers?area=" + HESHAN));
    JsonNode town = h.get("area");
    assertEquals(46_667, town.get("registeredResidents").asLong(), h.toString());
    assertEquals(2_000, town.get("floatingResidents").asLong());
    assertEquals(2_007, town.get("rentalUnits").asLong());
    assertEquals(32, town.get("keyPlaces").asLong());
    assertEquals(17_284, town.get("households").asLong());
    assertEquals(7, h.get("children").size());
    assertEquals(28, town.get("inspections").get("done").asLong());
    assertEquals(4, town.get("inspections").get("overdue").asLong());

    Caller xuzhuang = demo.loginDemo("xuzhuang_leader");
    JsonNode x = xuzhuang.json(xuzhuang.get("/api/stats/registers?area=" + XUZHUANG));
    assertEquals(7_262, x.get("area").get("households").asLong());
    assertEquals(14, x.get("children").size());
    assertEquals(12, x.get("area").get("keyPlaces").asLong());
  }

  @Test
  void every_area_equals_the_sum_of_its_children_at_every_level() {
    TestApp app = TestApp.shared();
    Caller admin = app.loginDemo("demo_admin");
    List<String> mismatches = new ArrayList<>();
    List<String> todo = new ArrayList<>(List.of(HESHAN, XUZHUANG));
    int areas = 0;
    while (!todo.isEmpty()) {
      String code = todo.remove(0);
      JsonNode r = admin.json(admin.get("/api/stats/registers?area=" + code));
      JsonNode children = r.get("children");
      if (children.isEmpty()) {
        continue;
      }
      areas++;
      Map<String, Long> sums = new HashMap<>();
      for (JsonNode child : children) {
        for (String f : SUMMED) {
          sums.merge(f, child.get(f).asLong(), Long::sum);
        }
        child
            .get("keyPlacesByCategory")
            .properties()
            .forEach(e -> sums.merge("category " + e.getKey(), e.getValue().asLong(), Long::sum));
        sums.merge("inspections done", child.get("inspections").get("done").asLong(), Long::sum);
        sums.merge(
            "inspections overdue", child.get("inspections").get("overdue").asLong(), Long::sum);
        todo.add(child.get("code").asText());
      }
      JsonNode whole = r.get("area");
      Map<String, Long> own = new HashMap<>();
      SUMMED.forEach(f -> own.put(f, whole.get(f).asLong()));
      whole
          .get("keyPlacesByCategory")
          .properties()
          .forEach(e -> own.put("category " + e.getKey(), e.getValue().asLong()));
      own.put("inspections done", whole.get("inspections").get("done").asLong());
      own.put("inspections overdue", whole.get("inspections").get("overdue").asLong());
      if (!own.equals(sums)) {
        mismatches.add(code + ": " + own + " but children sum to " + sums);
      }
      assertEquals(
          whole.get("keyPlaces").asLong(),
          whole.get("inspections").get("done").asLong()
              + whole.get("inspections").get("overdue").asLong(),
          code + ": every key place is either inspected on time or overdue");
    }
    assertEquals(2 + 21, areas, "towns and communities with children");
    assertEquals(List.of(), mismatches);
  }

  @Test
  void the_public_figures_hide_small_counts_and_inspections() {
    TestApp demo = TestApp.pristineDemo();
    JsonNode r = demo.getJson("/api/public/stats/registers?area=" + HESHAN);
    JsonNode town = r.get("area");
    assertEquals(46_667, town.get("registeredResidents").asLong());
    assertEquals("<5", town.get("keyPlacesByCategory").get("hazardous_chemicals").asText());
    assertFalse(r.toString().contains("inspections"), "inspection figures are for staff");
    List<JsonNode> all = new ArrayList<>(List.of(town));
    r.get("children").forEach(all::add);
    for (JsonNode area : all) {
      for (String f : SUMMED) {
        JsonNode v = area.get(f);
        assertTrue(
            v.isTextual() ? v.asText().equals("<5") : v.asLong() == 0 || v.asLong() >= 5,
            area.get("code") + " " + f + " = " + v);
      }
    }
  }

  @Test
  void staff_see_exact_figures_only_for_areas_their_scope_covers_whole() {
    TestApp app = TestApp.shared();
    Caller leader = app.loginDemo("heping_leader");
    assertEquals(403, leader.get("/api/stats/registers?area=" + HESHAN).statusCode());
    assertEquals(200, leader.get("/api/stats/registers?area=370112101001").statusCode());
    Caller worker = app.loginDemo("heping_grid1");
    assertEquals(200, worker.get("/api/stats/registers?area=370112101001001").statusCode());
    assertEquals(403, worker.get("/api/stats/registers?area=370112101001002").statusCode());
    assertEquals(401, app.anonymous().get("/api/stats/registers?area=" + HESHAN).statusCode());
    Caller admin = app.loginDemo("demo_admin");
    assertEquals(404, admin.get("/api/stats/registers?area=999").statusCode());
    assertEquals(400, admin.get("/api/stats/registers").statusCode());
  }
}
