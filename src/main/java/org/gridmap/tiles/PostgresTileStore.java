package org.gridmap.tiles;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.access.Scope;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.layer.Layer;
import org.gridmap.layer.LayerSql;

/**
 * {@link TileStore} on PostGIS: one statement per request, which reads the layer's data version and
 * runs the {@link TileSql} statement only when that version is not the one already cached ({@code
 * CASE} evaluates its branch only when needed), so a cached tile costs one short round trip and a
 * tile to render no more than its {@code ST_AsMVT} query.
 */
public final class PostgresTileStore implements TileStore {
  private final Jdbc jdbc;

  public PostgresTileStore(Database database) {
    this.jdbc = new Jdbc(database, e -> new IllegalStateException("cannot render a tile", e));
  }

  @Override
  public Rendered render(Layer layer, Scope scope, TileCoord tile, long cachedVersion) {
    LayerSql bare = TileSql.of(layer, scope, tile);
    List<Object> args = new ArrayList<>();
    args.add(cachedVersion);
    args.addAll(bare.args());
    args.add(layer.id());
    LayerSql sql =
        new LayerSql(
            "SELECT v.version, CASE WHEN v.version <> ? THEN ("
                + bare.text()
                + ") END FROM (SELECT coalesce((SELECT version FROM layer_version WHERE layer = ?),"
                + " 0) AS version) AS v",
            args);
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long version = rs.getLong(1);
              if (version == cachedVersion) {
                return new Rendered(version, null);
              }
              byte[] mvt = rs.getBytes(2);
              return new Rendered(version, mvt == null ? new byte[0] : mvt);
            }
          }
        });
  }
}
