package org.gridmap.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileCoordTest {

  @ParameterizedTest
  @CsvSource({"0,0,0", "1,1,1", "14,13522,6395", "22,4194303,4194303"})
  void tiles_inside_the_pyramid_exist(int z, int x, int y) {
    TileCoord t = TileCoord.ofZXY(z, x, y);
    assertEquals(z + "/" + x + "/" + y, t.toString());
  }

  @ParameterizedTest
  @CsvSource({"-1,0,0", "23,0,0", "0,1,0", "0,0,1", "1,2,0", "14,-1,0", "14,0,16384"})
  void tiles_outside_the_pyramid_do_not(int z, int x, int y) {
    assertThrows(IllegalArgumentException.class, () -> TileCoord.ofZXY(z, x, y));
  }

  @ParameterizedTest
  @CsvSource({
    "117.12, 36.677, 14, 13522, 6395",
    "0.0001, 0.0001, 1, 1, 0",
    "-0.0001, -0.0001, 1, 0, 1",
    "-180, 85.05, 3, 0, 0",
    "179.9999, -85.05, 3, 7, 7"
  })
  void the_tile_containing_a_point(double lon, double lat, int z, int x, int y) {
    assertEquals(TileCoord.ofZXY(z, x, y), TileCoord.containing(lon, lat, z));
  }

  @Test
  void edges_of_a_tile_hold_the_point_it_was_found_for() {
    TileCoord t = TileCoord.containing(117.12, 36.677, 14);
    assertTrue(t.west() <= 117.12 && 117.12 < t.east());
    assertTrue(t.south() <= 36.677 && 36.677 < t.north());
    assertEquals(360.0 / (1 << 14), t.east() - t.west(), 1e-12);
  }

  @Test
  void the_world_tile_spans_the_web_mercator_world() {
    TileCoord world = TileCoord.ofZXY(0, 0, 0);
    assertEquals(-180, world.west(), 1e-12);
    assertEquals(180, world.east(), 1e-12);
    assertEquals(85.0511287798, world.north(), 1e-9);
    assertEquals(-85.0511287798, world.south(), 1e-9);
  }
}
