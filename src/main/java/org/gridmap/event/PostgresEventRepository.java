package org.gridmap.event;

import static org.gridmap.event.EventFilters.IN_SCOPE;
import static org.gridmap.event.EventFilters.ON_TIME;
import static org.gridmap.event.EventFilters.OPEN;
import static org.gridmap.event.EventFilters.OVERDUE;
import static org.gridmap.event.EventFilters.bindScope;
import static org.gridmap.event.EventFilters.where;
import static org.gridmap.event.EventRows.COLUMNS;
import static org.gridmap.event.EventRows.bindEvent;
import static org.gridmap.event.EventRows.bindLong;
import static org.gridmap.event.EventRows.bindTransition;
import static org.gridmap.event.EventRows.event;
import static org.gridmap.event.EventRows.readAll;
import static org.gridmap.event.EventRows.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.gridmap.access.Scope;
import org.gridmap.area.GridAssignment;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditLog;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.error.DomainException;

/**
 * {@link EventRepository} on PostGIS with plain JDBC. A new event is one statement (the event row
 * and its first transition in one {@code WITH}), its audit entry, and one commit: nothing batched,
 * every acknowledged event durable. Filters are small named SQL pieces with bound values, added
 * only when set.
 */
public final class PostgresEventRepository implements EventRepository {

  private static final String INSERT =
      """
      WITH e AS (
        INSERT INTO event (type, severity, location, input_crs, occurred_at, reported_at,
                           updated_at, due_at, escalate_by, what, where_detail, who_involved,
                           since_when, path, grid_code, boundary_version, source,
                           reporter_account_id, reporter_name, reporter_phone, reporter_email,
                           media_url)
        VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?)
        RETURNING id, reported_at),
      t AS (
        INSERT INTO event_transition (event_id, at, actor_id, actor, from_status, to_status)
        SELECT id, reported_at, ?, ?, NULL, 'reported' FROM e)
      SELECT id FROM e
      """;

  /**
   * Open events of a type near a point: a box on the GiST index first (degrees from metres at the
   * point's latitude) on the index of open events, then the distance on the sphere (within 0.5 % of
   * the spheroid, and cheaper).
   */
  private static final String NEARBY =
      "WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g) SELECT "
          + COLUMNS
          + " FROM event e, p WHERE e.type = ? AND "
          + OPEN
          + " AND e.reported_at >= ? AND e.location && ST_Expand(p.g, ?, ?)"
          + " AND ST_DWithin(e.location::geography, p.g::geography, ?, false) AND "
          + IN_SCOPE
          + " ORDER BY ST_Distance(e.location::geography, p.g::geography, false), e.id LIMIT ?";

  private static final String MOVE =
      """
      UPDATE event
         SET status = ?, updated_at = ?,
             escalated_at = CASE WHEN ? = 'escalated' THEN coalesce(escalated_at, ?) ELSE escalated_at END,
             resolved_at = CASE WHEN ? = 'resolved' THEN ? ELSE resolved_at END,
             duplicate_of = coalesce(?, duplicate_of),
             reject_reason = CASE WHEN ? = 'rejected' THEN ? ELSE reject_reason END
       WHERE id = ? AND status = ?
      """;

  private static final String INSERT_TRANSITION =
      "INSERT INTO event_transition (event_id, at, actor_id, actor, from_status, to_status, note)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;
  private final AuditLog audit;

  public PostgresEventRepository(Database database, AuditLog audit) {
    this.jdbc = new Jdbc(database, PostgresEventRepository::failure);
    this.audit = audit;
  }

  @Override
  public List<EventType> types() {
    return jdbc.list(
        "SELECT code, name_zh, name_en, is_public, deadline_hours, required_fields"
            + " FROM event_type ORDER BY sort_order",
        ps -> {},
        rs ->
            new EventType(
                rs.getString("code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getBoolean("is_public"),
                rs.getInt("deadline_hours"),
                Arrays.asList((String[]) rs.getArray("required_fields").getArray())));
  }

  @Override
  public Created create(Event e, NearbySearch near, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          List<Event> nearby = nearby(c, e, near);
          long id;
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = bindEvent(ps, e, 1);
            bindLong(ps, i++, entry.actorId());
            ps.setString(i, entry.actor());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          Event stored = e.withId(id);
          audit.append(
              c,
              entry
                  .about("event", String.valueOf(id))
                  .withDiff(
                      null,
                      Map.of(
                          "type",
                          e.type(),
                          "severity",
                          e.severity().code(),
                          "status",
                          e.status().code(),
                          "grid",
                          e.gridCode() == null ? "(unassigned)" : e.gridCode())));
          return new Created(stored, nearby);
        });
  }

  private static List<Event> nearby(Connection c, Event e, NearbySearch near) throws SQLException {
    double dLat = near.radiusM() / 110_540.0;
    double dLon = near.radiusM() / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(e.lat()))));
    try (PreparedStatement ps = c.prepareStatement(NEARBY)) {
      int i = 1;
      ps.setDouble(i++, e.lon());
      ps.setDouble(i++, e.lat());
      ps.setString(i++, e.type());
      ps.setTimestamp(i++, Timestamp.from(near.since()));
      ps.setDouble(i++, dLon);
      ps.setDouble(i++, dLat);
      ps.setDouble(i++, near.radiusM());
      i = bindScope(c, ps, i, near.scope());
      ps.setInt(i, near.limit());
      return readAll(ps);
    }
  }

  @Override
  public Optional<Event> find(long id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM event e WHERE e.id = ?",
        ps -> ps.setLong(1, id),
        EventRows::event);
  }

  @Override
  public Optional<Placement> placement(long id) {
    return jdbc.one(
        "SELECT path FROM event WHERE id = ?",
        ps -> ps.setLong(1, id),
        rs -> new Placement(rs.getString(1)));
  }

  @Override
  public List<Transition> transitions(long id) {
    return jdbc.list(
        "SELECT at, actor_id, actor, from_status, to_status, note FROM event_transition"
            + " WHERE event_id = ? ORDER BY id",
        ps -> ps.setLong(1, id),
        rs ->
            new Transition(
                rs.getTimestamp("at").toInstant(),
                rs.getObject("actor_id", Long.class),
                rs.getString("actor"),
                rs.getString("from_status") == null
                    ? null
                    : EventStatus.ofCode(rs.getString("from_status")).orElseThrow(),
                EventStatus.ofCode(rs.getString("to_status")).orElseThrow(),
                rs.getString("note")));
  }

  @Override
  public List<Photo> photos(long id) {
    return jdbc.list(
        "SELECT sha256, content_type, bytes, uploaded_at, uploaded_by FROM event_photo"
            + " WHERE event_id = ? ORDER BY uploaded_at, sha256",
        ps -> ps.setLong(1, id),
        rs ->
            new Photo(
                rs.getString("sha256"),
                rs.getString("content_type"),
                rs.getLong("bytes"),
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getString("uploaded_by")));
  }

  @Override
  public boolean move(long id, Move m, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          int updated;
          try (PreparedStatement ps = c.prepareStatement(MOVE)) {
            String to = m.to().code();
            Timestamp at = Timestamp.from(m.at());
            int i = 1;
            ps.setString(i++, to);
            ps.setTimestamp(i++, at);
            ps.setString(i++, to);
            ps.setTimestamp(i++, at);
            ps.setString(i++, to);
            ps.setTimestamp(i++, at);
            bindLong(ps, i++, m.duplicateOf());
            ps.setString(i++, to);
            ps.setString(i++, m.note());
            ps.setLong(i++, id);
            ps.setString(i, m.from().code());
            updated = ps.executeUpdate();
          }
          if (updated == 0) {
            c.rollback();
            return false;
          }
          try (PreparedStatement ps = c.prepareStatement(INSERT_TRANSITION)) {
            bindTransition(
                ps,
                id,
                new Transition(m.at(), entry.actorId(), entry.actor(), m.from(), m.to(), m.note()));
            ps.executeUpdate();
          }
          Map<String, Object> before = new java.util.LinkedHashMap<>();
          Map<String, Object> after = new java.util.LinkedHashMap<>();
          before.put("status", m.from().code());
          after.put("status", m.to().code());
          if (m.duplicateOf() != null) {
            after.put("duplicateOf", m.duplicateOf());
          }
          audit.append(
              c,
              entry
                  .about("event", String.valueOf(id))
                  .withDiff(before, after)
                  .withDetail(m.note() == null ? null : Map.of("note", m.note())));
          return true;
        });
  }

  @Override
  public Page list(EventQuery q) {
    EventFilters.Where where = where(q);
    return jdbc.withConnection(
        c -> {
          long total;
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event e" + where)) {
            where.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM event e"
                      + where
                      + " ORDER BY e.reported_at DESC, e.id DESC LIMIT ? OFFSET ?")) {
            int i = where.bind(c, ps);
            ps.setInt(i++, q.size());
            ps.setLong(i, (long) (q.page() - 1) * q.size());
            return new Page(total, q.page(), q.size(), readAll(ps));
          }
        });
  }

  @Override
  public void forEach(EventQuery q, int limit, Consumer<Event> sink) {
    EventFilters.Where where = where(q);
    jdbc.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM event e"
                      + where
                      + " ORDER BY e.reported_at DESC, e.id DESC LIMIT ?")) {
            int i = where.bind(c, ps);
            ps.setInt(i, limit);
            ps.setFetchSize(1000); // a cursor: rows stream instead of being held in memory
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                sink.accept(event(rs));
              }
            }
          }
          return null;
        });
  }

  @Override
  public boolean place(long id, GridAssignment grid, Instant at, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          int n;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE event SET path = ?, grid_code = ?, boundary_version = ?, updated_at = ?"
                      + " WHERE id = ? AND path IS NULL")) {
            ps.setString(1, grid.path());
            ps.setString(2, grid.gridCode());
            ps.setInt(3, grid.boundaryVersion());
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setLong(5, id);
            n = ps.executeUpdate();
          }
          if (n > 0) {
            audit.append(
                c,
                entry
                    .about("event", String.valueOf(id))
                    .withDiff(Map.of("grid", "(unassigned)"), Map.of("grid", grid.gridCode())));
          }
          return n > 0;
        });
  }

  @Override
  public boolean addPhoto(long id, Photo photo, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          int n;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO event_photo (event_id, sha256, content_type, bytes, uploaded_at,"
                      + " uploaded_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, id);
            ps.setString(2, photo.sha256());
            ps.setString(3, photo.contentType());
            ps.setLong(4, photo.bytes());
            ps.setTimestamp(5, Timestamp.from(photo.uploadedAt()));
            ps.setString(6, photo.uploadedBy());
            n = ps.executeUpdate();
          }
          if (n > 0) {
            audit.append(
                c,
                entry
                    .about("event", String.valueOf(id))
                    .withDiff(
                        null,
                        Map.of(
                            "photo",
                            photo.sha256(),
                            "contentType",
                            photo.contentType(),
                            "bytes",
                            photo.bytes())));
          }
          return n > 0;
        });
  }

  @Override
  public List<AreaCounts> counts(
      String areaPath, int childDepth, Scope scope, Instant from, Instant to, Instant now) {
    String sql =
        "SELECT split_part(e.path, '/', ?) AS code,"
            + " count(*) FILTER (WHERE e.status NOT IN ('rejected', 'duplicate')) AS total,"
            + " count(*) FILTER (WHERE e.status IN ('resolved', 'closed')) AS handled,"
            + " count(*) FILTER (WHERE "
            + ON_TIME
            + ") AS on_time,"
            + " count(*) FILTER (WHERE "
            + OVERDUE
            + ") AS overdue,"
            + " count(*) FILTER (WHERE "
            + OPEN
            + ") AS open"
            + " FROM event e WHERE e.path LIKE ? AND e.reported_at >= ? AND e.reported_at < ? AND "
            + IN_SCOPE
            + " GROUP BY 1 ORDER BY 1";
    return jdbc.withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setInt(i++, childDepth + 2);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setString(i++, Scope.subtreePattern(areaPath));
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setTimestamp(i++, Timestamp.from(to));
            bindScope(c, ps, i, scope);
            List<AreaCounts> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new AreaCounts(
                        rs.getString("code"),
                        rs.getLong("total"),
                        rs.getLong("handled"),
                        rs.getLong("on_time"),
                        rs.getLong("overdue"),
                        rs.getLong("open")));
              }
            }
            return rows;
          }
        });
  }

  @Override
  public long count() {
    return jdbc.one("SELECT count(*) FROM event", ps -> {}, rs -> rs.getLong(1)).orElse(0L);
  }

  @Override
  public int insertHistories(List<History> histories, AuditEntry entry) {
    if (histories.isEmpty()) {
      return 0;
    }
    return jdbc.inTransaction(
        c -> {
          long[] ids = new long[histories.size()];
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT nextval('event_id_seq') FROM generate_series(1, ?) ORDER BY 1")) {
            ps.setInt(1, ids.length);
            try (ResultSet rs = ps.executeQuery()) {
              for (int i = 0; rs.next(); i++) {
                ids[i] = rs.getLong(1);
              }
            }
          }
          String insert =
              INSERT
                  .substring(INSERT.indexOf("INSERT INTO event ("), INSERT.indexOf("RETURNING"))
                  .replace(
                      "INSERT INTO event (",
                      "INSERT INTO event (id, status, escalated_at,"
                          + " resolved_at, duplicate_of, reject_reason, ")
                  .replace("VALUES (", "VALUES (?, ?, ?, ?, ?, ?, ");
          try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (int n = 0; n < ids.length; n++) {
              Event e = histories.get(n).event();
              ps.setLong(1, ids[n]);
              ps.setString(2, e.status().code());
              ps.setTimestamp(3, timestamp(e.escalatedAt()));
              ps.setTimestamp(4, timestamp(e.resolvedAt()));
              Long dup = e.duplicateOf();
              // the demo refers to originals by their position in the list (1-based)
              bindLong(ps, 5, dup == null ? null : ids[(int) (dup - 1)]);
              ps.setString(6, e.rejectReason());
              bindEvent(ps, e, 7);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps = c.prepareStatement(INSERT_TRANSITION)) {
            for (int n = 0; n < ids.length; n++) {
              for (Transition t : histories.get(n).transitions()) {
                bindTransition(ps, ids[n], t);
                ps.addBatch();
              }
            }
            ps.executeBatch();
          }
          audit.append(
              c,
              entry
                  .about("event", null)
                  .withDetail(Map.of("events", ids.length, "firstId", ids[0])));
          return ids.length;
        });
  }

  private static RuntimeException failure(SQLException e) {
    if ("23514".equals(e.getSQLState())) {
      return new DomainException(
          DomainException.Kind.UNPROCESSABLE,
          "invalid_event",
          "The event breaks a storage rule (a text is too long or a value is out of range)");
    }
    return new IllegalStateException("event storage failed", e);
  }
}
