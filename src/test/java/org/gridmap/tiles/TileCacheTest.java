package org.gridmap.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Scope;
import org.gridmap.layer.Layer;
import org.gridmap.layer.Layer.GeometryKind;
import org.gridmap.layer.Layer.Table;
import org.junit.jupiter.api.Test;

/** The cache's keying by data version, against a counting stand-in for PostGIS. */
class TileCacheTest {
  private static final Layer GRIDS = layer("grids", false);
  private static final Layer TOWNS = layer("towns", false);
  private static final Layer PLACES = layer("places", true);
  private static final TileCoord TILE = TileCoord.ofZXY(14, 13522, 6395);

  private final Map<String, Long> versions = new HashMap<>(Map.of("grids", 1L, "towns", 1L));
  private final Map<String, Integer> renders = new HashMap<>();
  private final TileStore store = new CountingStore(versions, renders, false);
  private final TileCache cache = new TileCache(store, 1 << 20);

  /** Renders a text naming layer, version, scope and tile, and counts the renders per layer. */
  private record CountingStore(
      Map<String, Long> versions, Map<String, Integer> renders, boolean empty)
      implements TileStore {
    @Override
    public Rendered render(Layer layer, Scope scope, TileCoord tile, long cachedVersion) {
      long version = versions.getOrDefault(layer.id(), 0L);
      if (version == cachedVersion) {
        return new Rendered(version, null);
      }
      renders.merge(layer.id(), 1, Integer::sum);
      String body = layer.id() + "@" + version + " " + scope + " " + tile;
      return new Rendered(version, empty ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void a_second_request_for_the_same_version_is_served_from_the_cache() {
    byte[] first = cache.tile(GRIDS, null, TILE).data();
    byte[] second = cache.tile(GRIDS, null, TILE).data();
    assertArrayEquals(first, second);
    assertEquals(1, renders.get("grids"));
  }

  @Test
  void an_edit_of_one_layer_renders_that_layer_afresh_and_keeps_the_others_cached() {
    cache.tile(GRIDS, null, TILE);
    cache.tile(TOWNS, null, TILE);
    versions.put("grids", 2L);
    TileCache.Tile after = cache.tile(GRIDS, null, TILE);
    cache.tile(TOWNS, null, TILE);
    assertEquals(2, after.version());
    assertTrue(new String(after.data(), StandardCharsets.UTF_8).startsWith("grids@2"));
    assertEquals(2, renders.get("grids"));
    assertEquals(1, renders.get("towns"));
  }

  @Test
  void tiles_of_a_superseded_version_leave_the_cache() {
    cache.tile(GRIDS, null, TILE);
    cache.tile(GRIDS, null, TileCoord.ofZXY(14, 13523, 6395));
    cache.tile(TOWNS, null, TILE);
    assertEquals(3, cache.size());
    versions.put("grids", 2L);
    cache.tile(GRIDS, null, TILE);
    assertEquals(2, cache.size(), "the new grids tile and the towns tile");
  }

  @Test
  void internal_tiles_are_cached_per_scope() {
    Scope heping = Scope.ofPaths(List.of("/370112101/370112101001/"));
    Scope xuzhuang = Scope.ofPaths(List.of("/370112102/"));
    byte[] a = cache.tile(PLACES, heping, TILE).data();
    byte[] b = cache.tile(PLACES, xuzhuang, TILE).data();
    cache.tile(PLACES, heping, TILE);
    assertEquals(2, renders.get("places"));
    assertTrue(
        !new String(a, StandardCharsets.UTF_8).equals(new String(b, StandardCharsets.UTF_8)));
  }

  @Test
  void an_empty_tile_is_cached_as_empty() {
    TileCache c = new TileCache(new CountingStore(versions, renders, true), 1 << 20);
    assertTrue(c.tile(GRIDS, null, TILE).isEmpty());
    assertEquals(1, c.size());
  }

  private static Layer layer(String id, boolean internal) {
    Layer.Builder b =
        Layer.builder(id)
            .title(id)
            .geometry(GeometryKind.POLYGON)
            .table(new Table(id, "", List.of(), "code", "boundary", "path"));
    return internal ? b.internal().build() : b.build();
  }
}
