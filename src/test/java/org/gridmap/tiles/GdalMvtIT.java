package org.gridmap.tiles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gridmap.testing.Db;
import org.gridmap.testing.Gdal;
import org.gridmap.testing.TestApp;
import org.junit.jupiter.api.Test;

/** GDAL's MVT driver reads tiles straight from the running server. */
class GdalMvtIT {
  private final TestApp app = TestApp.shared();

  @Test
  void gdal_opens_a_grids_tile_and_finds_the_grids_of_that_tile() {
    TileCoord tile = TileIT.HESHAN_TILE;
    String url = "MVT:/vsicurl/" + app.baseUrl() + TileIT.path("grids", tile);
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-q", url);
    assertTrue(out.contains("Layer name: grids"), out);
    Set<String> inTile = new TreeSet<>(Gdal.fieldValues(out, "code"));
    String envelope = "ST_Transform(ST_TileEnvelope(?, ?, ?), 4326)";
    // every grid covering more than a ten-thousandth of the tile must be drawn in it...
    List<String> clearlyInside =
        Db.column(
            "SELECT code FROM area WHERE level = 'grid' AND valid_to IS NULL AND"
                + " ST_Area(ST_Intersection(boundary, "
                + envelope
                + ")) > 1e-4 * ST_Area("
                + envelope
                + ")",
            tile.z(),
            tile.x(),
            tile.y(),
            tile.z(),
            tile.x(),
            tile.y());
    // ...and nothing that does not come near it
    List<String> near =
        Db.column(
            "SELECT code FROM area WHERE level = 'grid' AND valid_to IS NULL AND"
                + " ST_Intersects(boundary, ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), 4326))",
            tile.z(),
            tile.x(),
            tile.y(),
            (double) TileSql.BUFFER / TileSql.EXTENT);
    assertTrue(clearlyInside.size() >= 3, "the tile shows several grids: " + clearlyInside);
    assertTrue(inTile.containsAll(clearlyInside), inTile + " holds " + clearlyInside);
    assertTrue(near.containsAll(inTile), near + " holds " + inTile);
    assertTrue(out.contains("MULTIPOLYGON") || out.contains("POLYGON"), "with geometry");
  }
}
