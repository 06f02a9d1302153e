package org.gridmap.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.junit.jupiter.api.Test;

/** The registers as OGC collections: places public, buildings and survey internal and scoped. */
class RegisterLayersIT {
  private final TestApp app = TestApp.shared();

  @Test
  void the_public_sees_key_places_but_not_buildings_or_the_survey() {
    List<String> ids = new ArrayList<>();
    app.getJson("/ogc/collections").get("collections").forEach(c -> ids.add(c.get("id").asText()));
    assertTrue(ids.contains("places"), ids.toString());
    assertFalse(ids.contains("buildings") || ids.contains("survey"), ids.toString());
    assertEquals(401, app.get("/ogc/collections/buildings/items").statusCode());
    JsonNode places = app.getJson("/ogc/collections/places/items?limit=100");
    assertTrue(places.get("numberMatched").asInt() >= 32);
    JsonNode first = places.get("features").get(0).get("properties");
    assertTrue(first.has("name") && first.has("category") && !first.has("address"));
  }

  @Test
  void staff_see_buildings_of_their_own_town_only() {
    Caller heshan = app.loginDemo("heshan_leader");
    JsonNode page = heshan.json(heshan.get("/ogc/collections/buildings/items?limit=500"));
    assertTrue(page.get("numberMatched").asInt() > 0);
    page.get("features")
        .forEach(f -> assertTrue(f.get("properties").get("grid").asText().startsWith("370112101")));
  }

  @Test
  void the_survey_layer_shows_a_campaign_within_scope() {
    Caller xuzhuang = app.loginDemo("xuzhuang_leader");
    JsonNode page =
        xuzhuang.json(xuzhuang.get("/ogc/collections/survey/items?limit=10&campaign=2"));
    assertEquals(4000, page.get("numberMatched").asInt(), page.toString().substring(0, 200));
    JsonNode visited =
        xuzhuang.json(
            xuzhuang.get("/ogc/collections/survey/items?limit=1&campaign=2&status=not_visited"));
    assertEquals(1600, visited.get("numberMatched").asInt());
    Caller heshan = app.loginDemo("heshan_leader");
    assertEquals(
        0,
        heshan
            .json(heshan.get("/ogc/collections/survey/items?limit=1&campaign=2"))
            .get("numberMatched")
            .asInt(),
        "Xuzhuang's campaign is outside a Heshan leader's scope");
    heshan
        .json(heshan.get("/ogc/collections/survey/items?limit=1000"))
        .get("features")
        .forEach(f -> assertTrue(f.get("properties").get("grid").asText().startsWith("370112101")));
  }
}
