package org.gridmap.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.access.Scope;
import org.gridmap.layer.Layer;
import org.gridmap.layer.LayerSql;

/**
 * The one SQL statement that renders a tile in PostGIS: rows whose geometry meets the tile (plus a
 * buffer of {@value #BUFFER} of {@value #EXTENT} units, so that strokes do not stop at tile edges)
 * through {@code ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(z, x, y))}, aggregated by
 * {@code ST_AsMVT} into one MVT layer named after the layer, with the layer's properties as feature
 * attributes. The bench runs the same statement bare to measure the service's overhead.
 */
public final class TileSql {
  /** Tile coordinate space, the MVT default. */
  public static final int EXTENT = 4096;

  /** Buffer around the tile, in tile coordinate units. */
  public static final int BUFFER = 64;

  private TileSql() {}

  /** The statement for one tile of the layer, with its arguments. */
  public static LayerSql of(Layer layer, Scope scope, TileCoord tile) {
    Layer.Table t = layer.table();
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ST_AsMVT(mvt, ?, ").append(EXTENT);
    args.add(layer.id());
    sql.append(", '_geom') FROM (SELECT ST_AsMVTGeom(ST_Transform(")
        .append(t.geometryColumn())
        .append(", 3857), ST_TileEnvelope(?, ?, ?), ")
        .append(EXTENT)
        .append(", ")
        .append(BUFFER)
        .append(", true) AS _geom");
    addTile(args, tile);
    for (Layer.Property p : layer.properties()) {
      sql.append(", ").append(p.sql()).append(" AS \"").append(p.name()).append('"');
    }
    sql.append(" FROM ").append(t.from()).append(" WHERE (").append(t.filter()).append(')');
    args.addAll(t.filterArgs());
    sql.append(" AND ")
        .append(t.geometryColumn())
        .append(" && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => ?), 4326)");
    addTile(args, tile);
    args.add((double) BUFFER / EXTENT);
    if (scope != null) {
      sql.append(" AND ").append(t.pathColumn()).append(" LIKE ANY(?)");
      args.add(scope.likePatterns());
    }
    sql.append(") AS mvt WHERE mvt._geom IS NOT NULL");
    return new LayerSql(sql.toString(), args);
  }

  /** Runs the statement on a connection; an empty array for an empty tile. */
  public static byte[] run(Connection c, LayerSql sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        byte[] mvt = rs.getBytes(1);
        return mvt == null ? new byte[0] : mvt;
      }
    }
  }

  private static void addTile(List<Object> args, TileCoord tile) {
    args.add(tile.z());
    args.add(tile.x());
    args.add(tile.y());
  }
}
