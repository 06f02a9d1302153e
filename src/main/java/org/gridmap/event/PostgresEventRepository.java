package org.gridmap.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

  private static final String COLUMNS =
      """
      e.id, e.type, e.status, e.severity, ST_X(e.location) AS lon, ST_Y(e.location) AS lat,
      e.input_crs, e.occurred_at, e.reported_at, e.updated_at, e.due_at, e.escalate_by,
      e.escalated_at, e.resolved_at, e.what, e.where_detail, e.who_involved, e.since_when, e.path,
      e.grid_code, e.boundary_version, e.source, e.reporter_account_id, e.reporter_name,
      e.reporter_phone, e.reporter_email, e.media_url, e.duplicate_of, e.reject_reason
      """;

  /** Open: still waiting for work. */
  static final String OPEN = "e.status IN ('reported', 'accepted', 'in_progress', 'escalated')";

  /** The overdue rule of {@link Deadlines#overdue}; binds {@code now} twice. */
  static final String OVERDUE =
      "("
          + OPEN
          + " AND (e.due_at < ? OR (e.escalate_by IS NOT NULL AND e.escalated_at IS NULL"
          + " AND e.escalate_by < ?)))";

  /** The on-time rule of {@link Deadlines#handledOnTime}. */
  private static final String ON_TIME =
      "(e.status IN ('resolved', 'closed') AND e.resolved_at <= e.due_at AND (e.escalate_by IS NULL"
          + " OR coalesce(e.escalated_at, e.resolved_at) <= e.escalate_by))";

  /** Scope: binds the all-areas flag and the LIKE patterns. Unassigned events: admins only. */
  private static final String IN_SCOPE = "(?::boolean OR e.path LIKE ANY(?))";

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
   * point's latitude), then the exact distance on the spheroid.
   */
  private static final String NEARBY =
      "WITH p AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS g) SELECT "
          + COLUMNS
          + " FROM event e, p WHERE e.type = ? AND "
          + OPEN
          + " AND e.reported_at >= ? AND e.location && ST_Expand(p.g, ?, ?)"
          + " AND ST_DWithin(e.location::geography, p.g::geography, ?) AND "
          + IN_SCOPE
          + " ORDER BY ST_Distance(e.location::geography, p.g::geography), e.id LIMIT ?";

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

  /** Binds the 22 values of an event row from {@code i}; returns the next index. */
  private static int bindEvent(PreparedStatement ps, Event e, int i) throws SQLException {
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

  @Override
  public Optional<Event> find(long id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM event e WHERE e.id = ?",
        ps -> ps.setLong(1, id),
        PostgresEventRepository::event);
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

  private static void bindTransition(PreparedStatement ps, long eventId, Transition t)
      throws SQLException {
    ps.setLong(1, eventId);
    ps.setTimestamp(2, Timestamp.from(t.at()));
    bindLong(ps, 3, t.actorId());
    ps.setString(4, t.actor());
    ps.setString(5, t.from() == null ? null : t.from().code());
    ps.setString(6, t.to().code());
    ps.setString(7, t.note());
  }

  @Override
  public Page list(EventQuery q) {
    Where where = where(q);
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
    Where where = where(q);
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

  // --- filters ---

  /** A WHERE clause built from the query's set filters, and the values to bind to it in order. */
  private static final class Where {
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

  private static Where where(EventQuery q) {
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

  // --- plumbing ---

  private static int bindScope(Connection c, PreparedStatement ps, int i, Scope scope)
      throws SQLException {
    ps.setBoolean(i++, scope.all());
    ps.setArray(i++, c.createArrayOf("text", scope.likePatterns()));
    return i;
  }

  private static void bindLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  private static Timestamp timestamp(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static List<Event> readAll(PreparedStatement ps) throws SQLException {
    List<Event> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(event(rs));
      }
    }
    return rows;
  }

  private static Event event(ResultSet rs) throws SQLException {
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
