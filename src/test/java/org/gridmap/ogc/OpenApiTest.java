package org.gridmap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.area.AreaLayers;
import org.gridmap.area.AreaLevel;
import org.gridmap.http.Json;
import org.gridmap.layer.Layer;
import org.junit.jupiter.api.Test;

class OpenApiTest {
  private static final Layer GRIDS =
      AreaLayers.layerOf(new AreaLevel("grid", 40, "网格", "Grid", "grids"));
  private final ObjectNode doc =
      new OpenApi(Json.mapper()).document("http://127.0.0.1:7070/ogc", List.of(GRIDS));

  @Test
  void every_reference_points_inside_the_document_and_resolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertTrue(refs.size() > 20, "refs " + refs);
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), "remote reference " + ref);
      assertFalse(doc.at(ref.substring(1)).isMissingNode(), "dangling reference " + ref);
    }
  }

  @Test
  void bbox_limit_and_datetime_have_the_form_ogc_api_features_publishes() {
    JsonNode bbox = doc.at("/components/parameters/bbox");
    assertEquals("query", bbox.get("in").asText());
    assertEquals("form", bbox.get("style").asText());
    assertFalse(bbox.get("explode").asBoolean());
    assertEquals("array", bbox.at("/schema/type").asText());
    assertEquals(4, bbox.at("/schema/oneOf/0/minItems").asInt());
    assertEquals(6, bbox.at("/schema/oneOf/1/maxItems").asInt());
    assertEquals("number", bbox.at("/schema/items/type").asText());
    JsonNode limit = doc.at("/components/parameters/limit");
    assertEquals("integer", limit.at("/schema/type").asText());
    assertEquals(1, limit.at("/schema/minimum").asInt());
    assertEquals(ItemsRequest.MAX_LIMIT, limit.at("/schema/maximum").asInt());
    assertEquals(ItemsRequest.DEFAULT_LIMIT, limit.at("/schema/default").asInt());
    JsonNode datetime = doc.at("/components/parameters/datetime");
    assertEquals("string", datetime.at("/schema/type").asText());
    assertEquals("form", datetime.get("style").asText());
  }

  @Test
  void each_collection_has_its_items_path_with_its_queryable_properties() {
    JsonNode parameters = doc.at("/paths/~1collections~1grids~1items/get/parameters");
    List<String> names = new ArrayList<>();
    for (JsonNode p : parameters) {
      names.add(
          p.has("$ref")
              ? doc.at(p.get("$ref").asText().substring(1)).get("name").asText()
              : p.get("name").asText());
    }
    assertTrue(names.containsAll(List.of("bbox", "limit", "datetime", "code", "parent", "kind")));
    assertFalse(names.contains("name"), "name is not a filter");
    assertFalse(doc.at("/paths/~1collections~1grids~1items~1{featureId}").isMissingNode());
    assertEquals("http://127.0.0.1:7070/ogc", doc.at("/servers/0/url").asText());
    assertTrue(doc.get("openapi").asText().startsWith("3.0"));
  }

  @Test
  void every_declared_items_parameter_is_accepted_by_the_server() {
    for (JsonNode p : doc.at("/paths/~1collections~1grids~1items/get/parameters")) {
      JsonNode param = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
      assertTrue(
          ItemsRequest.knownParameters(GRIDS, true).contains(param.get("name").asText()),
          param.get("name").asText());
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asText());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
