package org.gridmap.layer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Scope;
import org.gridmap.geo.Bbox;

/**
 * SQL for a layer, built from small named pieces (the layer's fixed filter, a bbox filter, property
 * filters, a time filter, the scope filter). Identifiers come from the {@link Layer}, a fixed
 * catalogue; every value from a request is a bound argument.
 */
public record LayerSql(String text, List<Object> args) {

  /** An argument compared with a column of any type: the database casts it to the column's. */
  record Untyped(String value) {}

  /** Binds the arguments in order, starting at parameter 1; returns the next free index. */
  public int bind(PreparedStatement ps) throws SQLException {
    int i = 1;
    for (Object a : args) {
      if (a instanceof String s) {
        ps.setString(i, s);
      } else if (a instanceof Double d) {
        ps.setDouble(i, d);
      } else if (a instanceof Long l) {
        ps.setLong(i, l);
      } else if (a instanceof Integer n) {
        ps.setInt(i, n);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(i, b);
      } else if (a instanceof Instant t) {
        ps.setTimestamp(i, Timestamp.from(t));
      } else if (a instanceof String[] patterns) {
        ps.setArray(i, ps.getConnection().createArrayOf("text", patterns));
      } else if (a instanceof Untyped u) {
        ps.setObject(i, u.value(), Types.OTHER);
      } else {
        throw new IllegalArgumentException("cannot bind " + a.getClass());
      }
      i++;
    }
    return i;
  }

  /** {@code SELECT fid, properties..., wkb} of the query's features, in id order, paged. */
  static LayerSql select(FeatureQuery q) {
    Layer layer = q.layer();
    LayerSql where = where(q);
    List<Object> args = new ArrayList<>(where.args());
    StringBuilder sql = new StringBuilder(columns(layer)).append(where.text());
    sql.append(" ORDER BY ").append(layer.table().idColumn());
    if (q.limit() != FeatureQuery.ALL) {
      sql.append(" LIMIT ?");
      args.add(q.limit());
    }
    if (q.offset() > 0) {
      sql.append(" OFFSET ?");
      args.add(q.offset());
    }
    return new LayerSql(sql.toString(), args);
  }

  /** {@code SELECT count(*)} of the query's features, limit and offset left out. */
  static LayerSql count(FeatureQuery q) {
    LayerSql where = where(q);
    return new LayerSql(
        "SELECT count(*) FROM " + q.layer().table().from() + where.text(), where.args());
  }

  /** The one feature with this id, in the scope. */
  static LayerSql find(Layer layer, Scope scope, String id) {
    LayerSql where = where(FeatureQuery.all(layer, scope));
    List<Object> args = new ArrayList<>(where.args());
    args.add(new Untyped(id));
    return new LayerSql(
        columns(layer) + where.text() + " AND " + layer.table().idColumn() + " = ?", args);
  }

  /** The lon/lat box of the whole layer, and its first and last time when it has time. */
  static LayerSql extent(Layer layer) {
    Layer.Table t = layer.table();
    String first = layer.hasTime() ? "min(" + layer.timeColumn() + ")" : "NULL::timestamptz";
    String last = layer.hasTime() ? "max(" + layer.timeColumn() + ")" : "NULL::timestamptz";
    return new LayerSql(
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), first, last FROM (SELECT ST_Extent("
            + t.geometryColumn()
            + ") AS e, "
            + first
            + " AS first, "
            + last
            + " AS last FROM "
            + t.from()
            + " WHERE "
            + t.filter()
            + ") AS s",
        List.copyOf(t.filterArgs()));
  }

  /**
   * The feature id, the properties and the WKB geometry, read by position. The output columns get
   * names of their own ({@code _fid}, {@code _p1}, ..., {@code _wkb}) so that {@code ORDER BY} on
   * the id column never meets a property of the same name.
   */
  private static String columns(Layer layer) {
    Layer.Table t = layer.table();
    StringBuilder sql =
        new StringBuilder("SELECT CAST(").append(t.idColumn()).append(" AS text) AS _fid");
    int i = 1;
    for (Layer.Property p : layer.properties()) {
      sql.append(", ").append(p.sql()).append(" AS _p").append(i++);
    }
    sql.append(", ST_AsBinary(").append(t.geometryColumn()).append(") AS _wkb FROM ");
    return sql.append(t.from()).toString();
  }

  /** {@code WHERE} with the layer's filter and every condition of the query. */
  static LayerSql where(FeatureQuery q) {
    Layer layer = q.layer();
    Layer.Table t = layer.table();
    StringBuilder sql = new StringBuilder(" WHERE (").append(t.filter()).append(")");
    List<Object> args = new ArrayList<>(t.filterArgs());
    if (q.bbox() != null) {
      sql.append(" AND ").append(bboxFilter(t.geometryColumn(), q.bbox(), args));
    }
    for (Map.Entry<String, Object> e : q.equals().entrySet()) {
      Layer.Property p = property(layer, e.getKey());
      sql.append(" AND ").append(p.sql()).append(" = ?");
      args.add(e.getValue());
    }
    if (q.time() != null && layer.hasTime()) {
      if (q.time().start() != null) {
        sql.append(" AND ").append(layer.timeColumn()).append(" >= ?");
        args.add(q.time().start());
      }
      if (q.time().end() != null) {
        sql.append(" AND ").append(layer.timeColumn()).append(" <= ?");
        args.add(q.time().end());
      }
    }
    if (q.scope() != null) {
      sql.append(" AND ").append(scopeFilter(t.pathColumn(), q.scope(), args));
    }
    return new LayerSql(sql.toString(), args);
  }

  /**
   * Geometries intersecting the box; a box across the antimeridian is the union of its two halves.
   */
  static String bboxFilter(String geometryColumn, Bbox bbox, List<Object> args) {
    List<String> parts = new ArrayList<>();
    for (Bbox part : bbox.parts()) {
      parts.add("ST_Intersects(" + geometryColumn + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))");
      args.add(part.west());
      args.add(part.south());
      args.add(part.east());
      args.add(part.north());
    }
    return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
  }

  /** Rows whose area path lies in the scope: {@code path LIKE ANY(patterns)}. */
  static String scopeFilter(String pathColumn, Scope scope, List<Object> args) {
    if (pathColumn == null) {
      throw new IllegalStateException("a scope needs a path column");
    }
    args.add(scope.likePatterns());
    return pathColumn + " LIKE ANY(?)";
  }

  private static Layer.Property property(Layer layer, String name) {
    return layer.properties().stream()
        .filter(p -> p.name().equals(name) && p.queryable())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " is not queryable"));
  }
}
