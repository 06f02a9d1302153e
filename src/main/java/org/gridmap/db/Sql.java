package org.gridmap.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.gridmap.error.DomainException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Statement helpers shared by the Postgres repositories that work inside one transaction's
 * connection, and the value conversions they all need (nullable numbers, instants, WKB geometry).
 */
public final class Sql {
  private Sql() {}

  public static int execute(Connection c, String sql, Jdbc.Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  /** Runs an INSERT … RETURNING id and answers the id. */
  public static long insertReturningId(Connection c, String sql, Jdbc.Binder binder)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public static void setNullableInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  public static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** Well-known binary for {@code ST_GeomFromWKB(?, 4326)}; null stays null. */
  public static byte[] wkb(Geometry g) {
    return g == null ? null : new WKBWriter().write(g);
  }

  /** A geometry read from {@code ST_AsBinary(...)}, on the given factory; null stays null. */
  public static <G extends Geometry> G geometry(
      ResultSet rs, String column, org.locationtech.jts.geom.GeometryFactory factory, Class<G> type)
      throws SQLException {
    byte[] bytes = rs.getBytes(column);
    if (bytes == null) {
      return null;
    }
    try {
      return type.cast(new WKBReader(factory).read(bytes));
    } catch (ParseException e) {
      throw new IllegalStateException("unreadable geometry in column " + column, e);
    }
  }

  /** The ILIKE pattern for "contains this text", wildcards in the text escaped; null stays null. */
  public static String containsPattern(String text) {
    return text == null
        ? null
        : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** The SQL error codes the repositories give a meaning to. */
  public static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  public static boolean isForeignKeyViolation(SQLException e) {
    return "23503".equals(e.getSQLState());
  }

  /** A 409 for a write that would break a rule the database guards. */
  public static DomainException conflict(String code, String message) {
    return new DomainException(DomainException.Kind.CONFLICT, code, message);
  }
}
