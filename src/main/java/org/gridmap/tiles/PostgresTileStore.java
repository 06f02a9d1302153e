package org.gridmap.tiles;

import org.gridmap.access.Scope;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.layer.Layer;

/** {@link TileStore} on PostGIS: one {@link TileSql} statement per tile. */
public final class PostgresTileStore implements TileStore {
  private final Jdbc jdbc;

  public PostgresTileStore(Database database) {
    this.jdbc = new Jdbc(database, e -> new IllegalStateException("cannot render a tile", e));
  }

  @Override
  public byte[] tile(Layer layer, Scope scope, TileCoord tile) {
    return jdbc.withConnection(c -> TileSql.run(c, TileSql.of(layer, scope, tile)));
  }
}
