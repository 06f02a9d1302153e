package org.gridmap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.gridmap.config.AppConfig;
import org.gridmap.tiles.TileCoord;
import org.junit.jupiter.api.Test;

class LayersBenchTest {

  @Test
  void the_tile_list_is_fixed_distinct_and_over_the_generated_data() {
    List<TileCoord> tiles = LayersBench.tileList();
    assertEquals(tiles, LayersBench.tileList());
    assertEquals(tiles.size(), new HashSet<>(tiles).size());
    for (TileCoord t : tiles) {
      assertTrue(t.east() > LayersBench.WEST && t.west() < LayersBench.EAST, t.toString());
      assertTrue(t.north() > LayersBench.SOUTH && t.south() < LayersBench.NORTH, t.toString());
    }
  }

  @Test
  void the_next_link_is_found_after_the_features_and_absent_on_the_last_page() throws IOException {
    String page =
        "{\"type\":\"FeatureCollection\",\"numberMatched\":3,\"features\":[{\"type\":\"Feature\","
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{}}],"
            + "\"numberReturned\":1,\"links\":[{\"href\":\"http://h/self\",\"rel\":\"self\"},"
            + "{\"href\":\"http://h/next\",\"rel\":\"next\",\"type\":\"application/geo+json\"}]}";
    assertEquals("http://h/next", HttpReader.nextLink(stream(page)));
    assertNull(HttpReader.nextLink(stream(page.replace("\"next\"", "\"prev\""))));
  }

  @Test
  void an_unknown_benchmark_prints_usage_and_exits_2() throws Exception {
    AppConfig config = AppConfig.fromEnv(java.util.Map.of());
    assertEquals(2, Bench.run(config, null, null, List.of("nothing")));
    assertEquals(2, Bench.run(config, null, null, List.of()));
    assertTrue(Bench.USAGE.contains("bench layers"));
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
