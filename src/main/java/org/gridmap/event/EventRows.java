package org.gridmap.event;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events and transitions to and from rows of the event tables: the columns read and bound. */
final class EventRows {
  static final String COLUMNS =
      """
      e.id, e.type, e.status, e.severity, ST_X(e.location) AS lon, ST_Y(e.location) AS lat,
      e.input_crs, e.occurred_at, e.reported_at, e.updated_at, e.due_at, e.escalate_by,
      e.escalated_at, e.resolved_at, e.what, e.where_detail, e.who_involved, e.since_when, e.path,
      e.grid_code, e.boundary_version, e.source, e.reporter_account_id, e.reporter_name,
      e.reporter_phone, e.reporter_email, e.media_url, e.duplicate_of, e.reject_reason
      """;

  private EventRows() {}

  /** Binds the 22 values of an event row from {@code i}; returns the next index. */
  static int bindEvent(PreparedStatement ps, Event e, int i) throws SQLException {
    ps.setString(i++, e.type());
    ps.setString(i++, e.severity().code());
    ps.setDouble(i++, e.lon());
    ps.setDouble(i++, e.lat());
    ps.setString(i++, e.inputCrs());
    ps.setTimestamp(i++, Timestamp.from(e.occurredAt()));
    ps.setTimestamp(i++, Timestamp.from(e.reportedAt()));
    ps.setTimestamp(i++, Timestamp.from(e.updatedAt()));
    ps.setTimestamp(i++, Timestamp.from(e.deadlines().dueAt()));
    ps.setTimestamp(i++, timestamp(e.deadlines().escalateBy()));
    Description d = e.description();
    ps.setString(i++, d.what());
    ps.setString(i++, d.where());
    ps.setString(i++, d.who());
    ps.setString(i++, d.since());
    ps.setString(i++, e.path());
    ps.setString(i++, e.gridCode());
    if (e.boundaryVersion() == null) {
      ps.setNull(i++, Types.INTEGER);
    } else {
      ps.setInt(i++, e.boundaryVersion());
    }
    ps.setString(i++, e.source());
    Reporter r = e.reporter();
    bindLong(ps, i++, r.accountId());
    ps.setString(i++, r.name());
    ps.setString(i++, r.phone());
    ps.setString(i++, r.email());
    ps.setString(i++, e.mediaUrl());
    return i;
  }

  static void bindTransition(PreparedStatement ps, long eventId, Transition t) throws SQLException {
    ps.setLong(1, eventId);
    ps.setTimestamp(2, Timestamp.from(t.at()));
    bindLong(ps, 3, t.actorId());
    ps.setString(4, t.actor());
    ps.setString(5, t.from() == null ? null : t.from().code());
    ps.setString(6, t.to().code());
    ps.setString(7, t.note());
  }

  static void bindLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  static Timestamp timestamp(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static List<Event> readAll(PreparedStatement ps) throws SQLException {
    List<Event> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(event(rs));
      }
    }
    return rows;
  }

  static Event event(ResultSet rs) throws SQLException {
    return new Event(
        rs.getLong("id"),
        rs.getString("type"),
        EventStatus.ofCode(rs.getString("status")).orElseThrow(),
        Severity.ofCode(rs.getString("severity")).orElseThrow(),
        rs.getDouble("lon"),
        rs.getDouble("lat"),
        rs.getString("input_crs"),
        instant(rs, "occurred_at"),
        instant(rs, "reported_at"),
        instant(rs, "updated_at"),
        new Deadlines(instant(rs, "due_at"), instant(rs, "escalate_by")),
        instant(rs, "escalated_at"),
        instant(rs, "resolved_at"),
        new Description(
            rs.getString("what"),
            rs.getString("where_detail"),
            rs.getString("who_involved"),
            rs.getString("since_when")),
        rs.getString("path"),
        rs.getString("grid_code"),
        rs.getObject("boundary_version", Integer.class),
        rs.getString("source"),
        new Reporter(
            rs.getObject("reporter_account_id", Long.class),
            rs.getString("reporter_name"),
            rs.getString("reporter_phone"),
            rs.getString("reporter_email")),
        rs.getString("media_url"),
        rs.getObject("duplicate_of", Long.class),
        rs.getString("reject_reason"));
  }
}
