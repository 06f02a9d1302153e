package org.gridmap.layer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridmap.access.Scope;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.geo.Bbox;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * {@link FeatureStore} on PostGIS. Features are streamed from a server-side cursor (autocommit off,
 * a fetch size of {@value #FETCH_SIZE} rows) on one pooled connection held for the whole response;
 * the count and the rows of a page come from one read-only repeatable-read snapshot. Geometries
 * travel as WKB. Extents are cached per layer until the layer's data version changes.
 */
public final class PostgresFeatureStore implements FeatureStore {
  static final int FETCH_SIZE = 1000;

  private record CachedExtent(long version, LayerExtent extent) {}

  private final Jdbc jdbc;
  private final Map<String, CachedExtent> extents = new ConcurrentHashMap<>();

  public PostgresFeatureStore(Database database) {
    this.jdbc = new Jdbc(database, e -> new IllegalStateException("cannot read a layer", e));
  }

  @Override
  public long stream(FeatureQuery query, boolean count, FeatureSink sink) {
    return jdbc.inTransaction(
        c -> {
          c.setReadOnly(true);
          if (count) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          }
          try {
            sink.begin(count ? count(c, query) : -1);
            LayerSql sql = LayerSql.select(query);
            try (PreparedStatement ps = c.prepareStatement(sql.text())) {
              ps.setFetchSize(FETCH_SIZE);
              sql.bind(ps);
              long n = 0;
              try (ResultSet rs = ps.executeQuery()) {
                WKBReader wkb = new WKBReader(Wgs84.FACTORY);
                while (rs.next()) {
                  sink.accept(read(rs, query.layer(), wkb));
                  n++;
                }
              }
              return n;
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static long count(Connection c, FeatureQuery query) throws SQLException {
    LayerSql sql = LayerSql.count(query);
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public Optional<Feature> find(Layer layer, Scope scope, String id) {
    LayerSql sql = LayerSql.find(layer, scope, id);
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(read(rs, layer, new WKBReader(Wgs84.FACTORY)))
                  : Optional.<Feature>empty();
            }
          } catch (SQLException e) {
            if ("22P02".equals(e.getSQLState())) {
              return Optional.empty(); // the id cannot even be a value of the id column's type
            }
            throw e;
          }
        });
  }

  @Override
  public LayerExtent extent(Layer layer) {
    long version = version(layer);
    CachedExtent cached = extents.get(layer.id());
    if (cached != null && cached.version() == version) {
      return cached.extent();
    }
    LayerSql sql = LayerSql.extent(layer);
    LayerExtent extent =
        jdbc.one(
                sql.text(),
                sql::bind,
                rs -> {
                  double west = rs.getDouble(1);
                  Bbox bbox =
                      rs.wasNull()
                          ? null
                          : new Bbox(west, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
                  Timestamp first = rs.getTimestamp(5);
                  Timestamp last = rs.getTimestamp(6);
                  return new LayerExtent(
                      bbox,
                      first == null ? null : first.toInstant(),
                      last == null ? null : last.toInstant());
                })
            .orElse(LayerExtent.EMPTY);
    extents.put(layer.id(), new CachedExtent(version, extent));
    return extent;
  }

  @Override
  public long version(Layer layer) {
    return jdbc.one(
            "SELECT version FROM layer_version WHERE layer = ?",
            ps -> ps.setString(1, layer.id()),
            rs -> rs.getLong(1))
        .orElse(0L);
  }

  private static Feature read(ResultSet rs, Layer layer, WKBReader wkb) throws SQLException {
    List<Layer.Property> properties = layer.properties();
    List<Object> values = new ArrayList<>(properties.size());
    int column = 2;
    for (Layer.Property p : properties) {
      values.add(value(rs, column++, p.type()));
    }
    byte[] geometry = rs.getBytes(column);
    try {
      return new Feature(rs.getString(1), values, geometry == null ? null : wkb.read(geometry));
    } catch (ParseException e) {
      throw new IllegalStateException("unreadable geometry in layer " + layer.id(), e);
    }
  }

  private static Object value(ResultSet rs, int column, Layer.PropertyType type)
      throws SQLException {
    Object v =
        switch (type) {
          case STRING -> rs.getString(column);
          case INTEGER -> rs.getLong(column);
          case NUMBER -> rs.getDouble(column);
          case BOOLEAN -> rs.getBoolean(column);
          case DATETIME -> {
            Timestamp t = rs.getTimestamp(column);
            yield t == null ? null : t.toInstant();
          }
        };
    return rs.wasNull() ? null : v;
  }
}
