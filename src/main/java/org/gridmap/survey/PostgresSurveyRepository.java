package org.gridmap.survey;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridmap.access.Scope;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditLog;
import org.gridmap.db.Database;
import org.gridmap.db.Jdbc;
import org.gridmap.db.Sql;

/** {@link SurveyRepository} on PostGIS with plain JDBC; writes and audit commit together. */
public final class PostgresSurveyRepository implements SurveyRepository {

  private static final String CAMPAIGN_COLUMNS =
      """
      c.id, c.name, c.area_code, a.name AS area_name, c.area_path, c.starts_on, c.ends_on,
      c.created_by, c.created_at
        FROM survey_campaign c
        LEFT JOIN area a ON a.code = c.area_code AND a.valid_to IS NULL
      """;

  /** A campaign is visible when its area and the scope overlap (either contains the other). */
  private static final String OVERLAPS =
      "(?::boolean OR c.area_path LIKE ANY(?)"
          + " OR EXISTS (SELECT 1 FROM unnest(?::text[]) p WHERE starts_with(p, c.area_path)))";

  private static final String RECORD_COLUMNS =
      """
      r.campaign_id, r.building_id, b.ref, b.address, b.grid_code, ST_X(b.geom) AS lon,
      ST_Y(b.geom) AS lat, b.households, r.status, r.updated_at
        FROM survey_record r
        JOIN building b ON b.id = r.building_id
      """;

  /** Campaign, scope, area and status, bound in this order by {@link #bindRecords}. */
  private static final String RECORDS_WHERE =
      """
       WHERE r.campaign_id = ? AND b.path LIKE ANY(?)
         AND (?::text IS NULL OR b.path LIKE ?)
         AND (?::text IS NULL OR r.status = ?)
      """;

  static final String INSERT_CHANGE =
      "INSERT INTO survey_change (campaign_id, building_id, from_status, to_status, at,"
          + " actor_id, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;
  private final AuditLog audit;
  private final SurveyProgressQuery progress;

  public PostgresSurveyRepository(Database database, AuditLog audit) {
    this.jdbc = new Jdbc(database, e -> new IllegalStateException("survey storage failed", e));
    this.audit = audit;
    this.progress = new SurveyProgressQuery(jdbc);
  }

  @Override
  public Optional<Campaign> campaign(long id) {
    return jdbc.one(
        "SELECT " + CAMPAIGN_COLUMNS + " WHERE c.id = ?",
        ps -> ps.setLong(1, id),
        PostgresSurveyRepository::campaign);
  }

  @Override
  public List<Campaign> campaigns(Scope scope) {
    return jdbc.list(
        "SELECT " + CAMPAIGN_COLUMNS + " WHERE " + OVERLAPS + " ORDER BY c.starts_on DESC, c.id",
        ps -> {
          ps.setBoolean(1, scope.all());
          ps.setArray(2, ps.getConnection().createArrayOf("text", scope.likePatterns()));
          ps.setArray(3, ps.getConnection().createArrayOf("text", scope.areaPaths().toArray()));
        },
        PostgresSurveyRepository::campaign);
  }

  @Override
  public Campaign create(NewCampaign n, List<PastChange> history, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          long id =
              Sql.insertReturningId(
                  c,
                  "INSERT INTO survey_campaign (name, area_code, area_path, starts_on, ends_on,"
                      + " created_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                  ps -> {
                    ps.setString(1, n.name());
                    ps.setString(2, n.areaCode());
                    ps.setString(3, n.areaPath());
                    ps.setDate(4, Date.valueOf(n.startsOn()));
                    ps.setDate(5, Date.valueOf(n.endsOn()));
                    ps.setString(6, entry.actor());
                  });
          int records =
              Sql.execute(
                  c,
                  "INSERT INTO survey_record (campaign_id, building_id)"
                      + " SELECT ?, b.id FROM building b WHERE b.path LIKE ? ORDER BY b.id",
                  ps -> {
                    ps.setLong(1, id);
                    ps.setString(2, Scope.subtreePattern(n.areaPath()));
                  });
          if (!history.isEmpty()) {
            SurveyHistoryLoad.apply(c, id, n.areaPath(), history);
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("name", n.name());
          after.put("area", n.areaCode());
          after.put("startsOn", n.startsOn().toString());
          after.put("endsOn", n.endsOn().toString());
          audit.append(
              c,
              entry
                  .about("survey_campaign", String.valueOf(id))
                  .withDiff(null, after)
                  .withDetail(Map.of("records", records, "pastChanges", history.size())));
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + CAMPAIGN_COLUMNS + " WHERE c.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return campaign(rs);
            }
          }
        });
  }

  @Override
  public Optional<SurveyRecord> record(long campaignId, long buildingId, Scope scope) {
    return jdbc.one(
        "SELECT "
            + RECORD_COLUMNS
            + " WHERE r.campaign_id = ? AND r.building_id = ? AND b.path LIKE ANY(?)",
        ps -> {
          ps.setLong(1, campaignId);
          ps.setLong(2, buildingId);
          ps.setArray(3, ps.getConnection().createArrayOf("text", scope.likePatterns()));
        },
        PostgresSurveyRepository::record);
  }

  @Override
  public List<StatusChange> history(long campaignId, long buildingId) {
    return jdbc.withConnection(
        c -> {
          Map<Long, List<StatusChange.AttachmentInfo>> attachments = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
                  SELECT a.change_id, a.id, a.name, a.content_type, a.size
                    FROM survey_attachment a JOIN survey_change ch ON ch.id = a.change_id
                   WHERE ch.campaign_id = ? AND ch.building_id = ? ORDER BY a.id
                  """)) {
            ps.setLong(1, campaignId);
            ps.setLong(2, buildingId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                attachments
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(
                        new StatusChange.AttachmentInfo(
                            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
              }
            }
          }
          List<StatusChange> changes = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, from_status, to_status, at, actor, note FROM survey_change"
                      + " WHERE campaign_id = ? AND building_id = ? ORDER BY at, id")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, buildingId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long id = rs.getLong("id");
                changes.add(
                    new StatusChange(
                        id,
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
                        Sql.instant(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("note"),
                        List.copyOf(attachments.getOrDefault(id, List.of()))));
              }
            }
          }
          return changes;
        });
  }

  @Override
  public StatusChange change(
      long campaignId, long buildingId, Scope scope, NewChange n, AuditEntry entry) {
    return jdbc.inTransaction(
        c -> {
          SurveyStatus from;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.status FROM survey_record r JOIN building b ON b.id = r.building_id"
                      + " WHERE r.campaign_id = ? AND r.building_id = ? AND b.path LIKE ANY(?)"
                      + " FOR UPDATE OF r")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, buildingId);
            ps.setArray(3, c.createArrayOf("text", scope.likePatterns()));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new RecordNotFound(campaignId, buildingId);
              }
              from = status(rs.getString(1));
            }
          }
          from.requireNext(n.to());
          long changeId =
              Sql.insertReturningId(
                  c,
                  INSERT_CHANGE + " RETURNING id",
                  ps -> {
                    ps.setLong(1, campaignId);
                    ps.setLong(2, buildingId);
                    ps.setString(3, from.code());
                    ps.setString(4, n.to().code());
                    ps.setTimestamp(5, Timestamp.from(n.at()));
                    Sql.setNullableLong(ps, 6, entry.actorId());
                    ps.setString(7, entry.actor());
                    ps.setString(8, n.note());
                  });
          List<StatusChange.AttachmentInfo> infos = new ArrayList<>();
          for (NewChange.Attachment a : n.attachments()) {
            long attachmentId =
                Sql.insertReturningId(
                    c,
                    "INSERT INTO survey_attachment (change_id, name, content_type, size, data)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING id",
                    ps -> {
                      ps.setLong(1, changeId);
                      ps.setString(2, a.name());
                      ps.setString(3, a.contentType());
                      ps.setInt(4, a.bytes().length);
                      ps.setBytes(5, a.bytes());
                    });
            infos.add(
                new StatusChange.AttachmentInfo(
                    attachmentId, a.name(), a.contentType(), a.bytes().length));
          }
          Sql.execute(
              c,
              "UPDATE survey_record SET status = ?, updated_at = ?"
                  + " WHERE campaign_id = ? AND building_id = ?",
              ps -> {
                ps.setString(1, n.to().code());
                ps.setTimestamp(2, Timestamp.from(n.at()));
                ps.setLong(3, campaignId);
                ps.setLong(4, buildingId);
              });
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("at", n.at().toString());
          detail.put("note", n.note());
          detail.put("attachments", infos.stream().map(StatusChange.AttachmentInfo::name).toList());
          audit.append(
              c,
              entry
                  .about("survey_record", campaignId + ":" + buildingId)
                  .withDiff(Map.of("status", from.code()), Map.of("status", n.to().code()))
                  .withDetail(detail));
          return new StatusChange(
              changeId, from, n.to(), n.at(), entry.actor(), n.note(), List.copyOf(infos));
        });
  }

  @Override
  public Page records(long campaignId, RecordQuery q, Scope scope) {
    long total =
        jdbc.one(
                "SELECT count(*) FROM survey_record r JOIN building b ON b.id = r.building_id"
                    + RECORDS_WHERE,
                ps -> bindRecords(ps, campaignId, q.areaPath(), q.status(), scope),
                rs -> rs.getLong(1))
            .orElse(0L);
    List<SurveyRecord> items =
        jdbc.list(
            "SELECT " + RECORD_COLUMNS + RECORDS_WHERE + " ORDER BY b.path, b.id LIMIT ? OFFSET ?",
            ps -> {
              int i = bindRecords(ps, campaignId, q.areaPath(), q.status(), scope);
              ps.setInt(i++, q.size());
              ps.setLong(i, (long) (q.page() - 1) * q.size());
            },
            PostgresSurveyRepository::record);
    return new Page(total, q.page(), q.size(), items);
  }

  private static int bindRecords(
      PreparedStatement ps, long campaignId, String areaPath, SurveyStatus status, Scope scope)
      throws SQLException {
    ps.setLong(1, campaignId);
    ps.setArray(2, ps.getConnection().createArrayOf("text", scope.likePatterns()));
    String area = areaPath == null ? null : Scope.subtreePattern(areaPath);
    ps.setString(3, area);
    ps.setString(4, area);
    String s = status == null ? null : status.code();
    ps.setString(5, s);
    ps.setString(6, s);
    return 7;
  }

  @Override
  public Progress progress(long campaignId, ProgressArea area, Scope scope, int notVisitedLimit) {
    String join =
        " JOIN area v ON v.valid_to IS NULL AND v.level = 'community'"
            + " AND starts_with(b.path, v.path)";
    List<Progress.Row> villages = progress.rows(campaignId, area.path(), scope, join);
    List<Progress.Row> grids =
        progress.rows(
            campaignId,
            area.path(),
            scope,
            " JOIN area v ON v.valid_to IS NULL AND v.code = b.grid_code");
    List<Progress.Row> total =
        progress.rows(
            campaignId,
            area.path(),
            scope,
            " JOIN (SELECT ?::text AS code, ?::text AS name, ?::text AS level) v ON true",
            area.code(),
            area.name(),
            area.level());
    Progress.Row sum =
        total.isEmpty()
            ? new Progress.Row(
                area.code(), area.name(), area.level(), 0, 0, 0, SurveyProgressQuery.noStatuses())
            : total.get(0);
    RecordQuery notVisited =
        new RecordQuery(area.path(), SurveyStatus.NOT_VISITED, 1, notVisitedLimit);
    Page page = records(campaignId, notVisited, scope);
    return new Progress(sum, villages, grids, page.total(), page.items());
  }

  @Override
  public Optional<NewChange.Attachment> attachment(
      long campaignId, long attachmentId, Scope scope) {
    return jdbc.one(
        """
        SELECT a.name, a.content_type, a.data
          FROM survey_attachment a
          JOIN survey_change ch ON ch.id = a.change_id
          JOIN building b ON b.id = ch.building_id
         WHERE a.id = ? AND ch.campaign_id = ? AND b.path LIKE ANY(?)
        """,
        ps -> {
          ps.setLong(1, attachmentId);
          ps.setLong(2, campaignId);
          ps.setArray(3, ps.getConnection().createArrayOf("text", scope.likePatterns()));
        },
        rs -> new NewChange.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)));
  }

  // --- plumbing ---

  static SurveyStatus status(String code) {
    return SurveyStatus.ofCode(code)
        .orElseThrow(() -> new IllegalStateException("unknown survey status " + code));
  }

  private static Campaign campaign(ResultSet rs) throws SQLException {
    return new Campaign(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("area_code"),
        rs.getString("area_name"),
        rs.getString("area_path"),
        rs.getDate("starts_on").toLocalDate(),
        rs.getDate("ends_on").toLocalDate(),
        rs.getString("created_by"),
        Sql.instant(rs, "created_at"));
  }

  private static SurveyRecord record(ResultSet rs) throws SQLException {
    return new SurveyRecord(
        rs.getLong("campaign_id"),
        rs.getLong("building_id"),
        rs.getString("ref"),
        rs.getString("address"),
        rs.getString("grid_code"),
        rs.getDouble("lon"),
        rs.getDouble("lat"),
        rs.getInt("households"),
        status(rs.getString("status")),
        Sql.instant(rs, "updated_at"));
  }
}
