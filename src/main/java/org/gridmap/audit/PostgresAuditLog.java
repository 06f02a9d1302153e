package org.gridmap.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;

/** {@link AuditLog} in the {@code audit_log} table. */
public final class PostgresAuditLog implements AuditLog {
  private static final String INSERT =
      """
      INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, changes, detail, ip)
      VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
      """;

  /** Each filter is bound; a null parameter disables its condition. */
  private static final String WHERE =
      """
       WHERE (?::text IS NULL OR actor = ?)
         AND (?::text IS NULL OR action = ?)
         AND (?::text IS NULL OR entity = ?)
         AND (?::text IS NULL OR entity_id = ?)
         AND (?::timestamptz IS NULL OR at >= ?)
         AND (?::timestamptz IS NULL OR at < ?)
      """;

  private final Jdbc jdbc;
  private final ObjectMapper mapper;

  public PostgresAuditLog(Database database, ObjectMapper mapper) {
    this.jdbc = new Jdbc(database, e -> new IllegalStateException("cannot read the audit log", e));
    this.mapper = mapper;
  }

  @Override
  public void append(Connection c, AuditEntry e) {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      if (e.actorId() == null) {
        ps.setNull(1, Types.BIGINT);
      } else {
        ps.setLong(1, e.actorId());
      }
      ps.setString(2, e.actor());
      ps.setString(3, e.action());
      ps.setString(4, e.entity());
      ps.setString(5, e.entityId());
      ps.setString(6, mapper.writeValueAsString(e.changes() == null ? Map.of() : e.changes()));
      ps.setString(7, e.detail() == null ? null : mapper.writeValueAsString(e.detail()));
      ps.setString(8, e.ip());
      ps.executeUpdate();
    } catch (SQLException | JsonProcessingException ex) {
      throw new IllegalStateException("cannot write the audit log: " + ex.getMessage(), ex);
    }
  }

  @Override
  public Page query(AuditQuery q) {
    int size = Math.max(1, Math.min(q.size(), 500));
    int page = Math.max(1, q.page());
    long total =
        jdbc.one(
                "SELECT count(*) FROM audit_log" + WHERE,
                ps -> bindFilters(ps, q),
                rs -> rs.getLong(1))
            .orElse(0L);
    List<AuditEntry> items =
        jdbc.list(
            "SELECT id, at, actor_id, actor, action, entity, entity_id, changes, detail, ip FROM audit_log"
                + WHERE
                + " ORDER BY id DESC LIMIT ? OFFSET ?",
            ps -> {
              int i = bindFilters(ps, q);
              ps.setInt(i++, size);
              ps.setLong(i, (long) (page - 1) * size);
            },
            this::read);
    return new Page(total, page, size, items);
  }

  private static int bindFilters(PreparedStatement ps, AuditQuery q) throws SQLException {
    int i = 1;
    for (String v : new String[] {q.actor(), q.action(), q.entity(), q.entityId()}) {
      ps.setString(i++, v);
      ps.setString(i++, v);
    }
    for (java.time.Instant t : new java.time.Instant[] {q.from(), q.to()}) {
      Timestamp ts = t == null ? null : Timestamp.from(t);
      ps.setTimestamp(i++, ts);
      ps.setTimestamp(i++, ts);
    }
    return i;
  }

  private AuditEntry read(ResultSet rs) throws SQLException {
    Long actorId = rs.getObject("actor_id", Long.class);
    Map<String, AuditEntry.Change> changes = new LinkedHashMap<>();
    try {
      Map<String, Map<String, Object>> raw =
          mapper.readValue(rs.getString("changes"), new TypeReference<>() {});
      raw.forEach((k, v) -> changes.put(k, new AuditEntry.Change(v.get("before"), v.get("after"))));
      String detail = rs.getString("detail");
      return new AuditEntry(
          rs.getLong("id"),
          rs.getTimestamp("at").toInstant(),
          actorId,
          rs.getString("actor"),
          rs.getString("action"),
          rs.getString("entity"),
          rs.getString("entity_id"),
          changes,
          detail == null
              ? null
              : mapper.readValue(detail, new TypeReference<Map<String, Object>>() {}),
          rs.getString("ip"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("malformed audit entry " + rs.getLong("id"), e);
    }
  }
}
