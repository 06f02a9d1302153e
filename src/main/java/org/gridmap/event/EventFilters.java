package org.gridmap.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.gridmap.access.Scope;

/**
 * The SQL pieces of event queries, each a condition on {@code event e} with bound values: the rules
 * (open, overdue, on time), scope, and the filters of an {@link EventQuery}, added only when set
 * (as pg_featureserv builds its WHERE).
 */
final class EventFilters {
  /** Open: still waiting for work. */
  static final String OPEN = "e.status IN ('reported', 'accepted', 'in_progress', 'escalated')";

  /** The overdue rule of {@link Deadlines#overdue}; binds {@code now} twice. */
  static final String OVERDUE =
      "("
          + OPEN
          + " AND (e.due_at < ? OR (e.escalate_by IS NOT NULL AND e.escalated_at IS NULL"
          + " AND e.escalate_by < ?)))";

  /** The on-time rule of {@link Deadlines#handledOnTime}. */
  static final String ON_TIME =
      "(e.status IN ('resolved', 'closed') AND e.resolved_at <= e.due_at AND (e.escalate_by IS NULL"
          + " OR coalesce(e.escalated_at, e.resolved_at) <= e.escalate_by))";

  /** Scope: binds the all-areas flag and the LIKE patterns. Unassigned events: admins only. */
  static final String IN_SCOPE = "(?::boolean OR e.path LIKE ANY(?))";

  private EventFilters() {}

  /** A WHERE clause built from the query's set filters, and the values to bind to it in order. */
  static final class Where {
    private interface Value {
      void bind(Connection c, PreparedStatement ps, int i) throws SQLException;
    }

    private final StringBuilder sql = new StringBuilder(" WHERE ").append(IN_SCOPE);
    private final List<Value> values = new ArrayList<>();

    Where(Scope scope) {
      values.add((c, ps, i) -> ps.setBoolean(i, scope.all()));
      values.add((c, ps, i) -> ps.setArray(i, c.createArrayOf("text", scope.likePatterns())));
    }

    Where and(String condition, Value... bound) {
      sql.append(" AND ").append(condition);
      values.addAll(List.of(bound));
      return this;
    }

    /** Binds every value from index 1; returns the next free index. */
    int bind(Connection c, PreparedStatement ps) throws SQLException {
      int i = 1;
      for (Value v : values) {
        v.bind(c, ps, i++);
      }
      return i;
    }

    @Override
    public String toString() {
      return sql.toString();
    }
  }

  static Where where(EventQuery q) {
    Where w = new Where(q.scope());
    if (q.bbox() != null) {
      EventQuery.BoundingBox b = q.bbox();
      w.and(
          "ST_Intersects(e.location, ST_MakeEnvelope(?, ?, ?, ?, 4326))",
          (c, ps, i) -> ps.setDouble(i, b.west()),
          (c, ps, i) -> ps.setDouble(i, b.south()),
          (c, ps, i) -> ps.setDouble(i, b.east()),
          (c, ps, i) -> ps.setDouble(i, b.north()));
    }
    if (q.areaPath() != null) {
      w.and("e.path LIKE ?", (c, ps, i) -> ps.setString(i, Scope.subtreePattern(q.areaPath())));
    }
    if (!q.ids().isEmpty()) {
      Long[] ids = q.ids().toArray(Long[]::new);
      w.and("e.id = ANY(?)", (c, ps, i) -> ps.setArray(i, c.createArrayOf("bigint", ids)));
    }
    if (!q.types().isEmpty()) {
      String[] types = q.types().toArray(String[]::new);
      w.and("e.type = ANY(?)", (c, ps, i) -> ps.setArray(i, c.createArrayOf("text", types)));
    }
    if (!q.statuses().isEmpty()) {
      String[] codes = q.statuses().stream().map(EventStatus::code).toArray(String[]::new);
      w.and("e.status = ANY(?)", (c, ps, i) -> ps.setArray(i, c.createArrayOf("text", codes)));
    }
    if (q.from() != null) {
      w.and("e.reported_at >= ?", (c, ps, i) -> ps.setTimestamp(i, Timestamp.from(q.from())));
    }
    if (q.to() != null) {
      w.and("e.reported_at < ?", (c, ps, i) -> ps.setTimestamp(i, Timestamp.from(q.to())));
    }
    if (q.overdueOnly()) {
      Timestamp now = Timestamp.from(q.now());
      w.and(OVERDUE, (c, ps, i) -> ps.setTimestamp(i, now), (c, ps, i) -> ps.setTimestamp(i, now));
    }
    return w;
  }

  static int bindScope(Connection c, PreparedStatement ps, int i, Scope scope) throws SQLException {
    ps.setBoolean(i++, scope.all());
    ps.setArray(i++, c.createArrayOf("text", scope.likePatterns()));
    return i;
  }
}
