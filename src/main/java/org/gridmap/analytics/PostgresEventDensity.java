package org.gridmap.analytics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.geo.WebMercator;

/**
 * {@link EventDensity} in one aggregate query over the events table: each event's cell indices are
 * computed from its lon/lat with the Web-Mercator formula (no {@code ST_Transform}, no join to cell
 * polygons) and the rows are grouped by them, so PostGIS reads each event once and returns one row
 * per non-empty cell. The bbox filter uses the GiST index on the location column.
 *
 * <p>The query runs with {@link #SETTINGS}: JIT compilation off (on a million rows PostgreSQL would
 * otherwise spend longer compiling the expressions than evaluating them), a plan made for the
 * actual parameters every time (the generic plan of a prepared statement would read a whole-town
 * bbox through the index and sort instead of hashing) and enough memory to hash the cells.
 */
public final class PostgresEventDensity implements EventDensity {
  /** Transaction-local settings for aggregate queries over many events. */
  public static final String SETTINGS =
      "SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_custom_plan;"
          + " SET LOCAL work_mem = '64MB'";

  private final Jdbc jdbc;
  private final EventTable t;

  public PostgresEventDensity(Database database, EventTable table) {
    this.t = table;
    this.jdbc =
        new Jdbc(
            database,
            e ->
                "42P01".equals(e.getSQLState())
                    ? new EventsNotAvailable(table.table(), e)
                    : new IllegalStateException("event density query failed", e));
  }

  /** The cell column and row of each event, as SQL over lon/lat (parameters: kx, ky). */
  private String cellIndices() {
    return """
        floor(ST_X(%1$s) * ?)::int AS i,
        floor(ln(tan(pi() / 4 + ST_Y(%1$s) * pi() / 360)) * ?)::int AS j"""
        .formatted(t.location());
  }

  /** The WHERE clause of a query: bbox, scope, time and, when asked, type. */
  private String where(AnalyticsQuery q, String[] scopePatterns) {
    StringBuilder sql =
        new StringBuilder(
            "WHERE %s && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND %s >= ? AND %s < ?"
                .formatted(t.location(), t.reportedAt(), t.reportedAt()));
    if (!everyPath(scopePatterns)) {
      sql.append(" AND %s LIKE ANY (?)".formatted(t.path()));
    }
    if (q.type() != null) {
      sql.append(" AND %s = ?".formatted(t.type()));
    }
    return sql.toString();
  }

  private int bindWhere(
      Connection c, PreparedStatement ps, int at, AnalyticsQuery q, String[] scopePatterns)
      throws SQLException {
    ps.setDouble(at++, q.bbox().getMinX());
    ps.setDouble(at++, q.bbox().getMinY());
    ps.setDouble(at++, q.bbox().getMaxX());
    ps.setDouble(at++, q.bbox().getMaxY());
    ps.setObject(at++, OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
    ps.setObject(at++, OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
    if (!everyPath(scopePatterns)) {
      Array patterns = c.createArrayOf("text", scopePatterns);
      ps.setArray(at++, patterns);
    }
    if (q.type() != null) {
      ps.setString(at++, q.type());
    }
    return at;
  }

  /** The pattern of an unrestricted scope matches every path: no need to test it row by row. */
  private static boolean everyPath(String[] scopePatterns) {
    return scopePatterns.length == 1 && scopePatterns[0].equals("/%");
  }

  @Override
  public List<CellCount> countByCell(AnalyticsQuery q, String[] scopePatterns) {
    if (scopePatterns.length == 0) {
      return List.of();
    }
    String sql =
        "SELECT "
            + cellIndices()
            + ", count(*) AS n FROM "
            + t.table()
            + " "
            + where(q, scopePatterns)
            + " GROUP BY 1, 2";
    double size = q.grid().size();
    return jdbc.inTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(SETTINGS);
          }
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, Math.PI / 180 * WebMercator.RADIUS_M / size);
            ps.setDouble(2, WebMercator.RADIUS_M / size);
            bindWhere(c, ps, 3, q, scopePatterns);
            List<CellCount> cells = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                cells.add(new CellCount(Cell.of(rs.getInt(1), rs.getInt(2)), rs.getLong(3)));
              }
            }
            return cells;
          }
        });
  }

  @Override
  public List<EventPoint> points(AnalyticsQuery q, String[] scopePatterns, int limit) {
    if (scopePatterns.length == 0) {
      return List.of();
    }
    String sql =
        "SELECT %s, ST_X(%s), ST_Y(%s), %s, %s FROM %s "
                .formatted(t.id(), t.location(), t.location(), t.type(), t.reportedAt(), t.table())
            + where(q, scopePatterns)
            + " ORDER BY %s DESC LIMIT ?".formatted(t.reportedAt());
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int at = bindWhere(c, ps, 1, q, scopePatterns);
            ps.setInt(at, limit);
            List<EventPoint> points = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                points.add(
                    new EventPoint(
                        rs.getLong(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()));
              }
            }
            return points;
          }
        });
  }
}
