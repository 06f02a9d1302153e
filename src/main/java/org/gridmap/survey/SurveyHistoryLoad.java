package org.gridmap.survey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Scope;
import org.gridmap.db.Sql;
import org.gridmap.survey.SurveyRepository.PastChange;

/**
 * A campaign's past changes loaded in bulk inside the caller's transaction (the demo's history):
 * each change is checked against the transitions like a live one, the changes are batched, and the
 * records' statuses set in one statement.
 */
final class SurveyHistoryLoad {
  private static final int BATCH = 1000;

  private SurveyHistoryLoad() {}

  /** Applies past changes in order, checking each transition, and sets the records' statuses. */
  static void apply(Connection c, long campaignId, String areaPath, List<PastChange> history)
      throws SQLException {
    Map<String, Long> idOfRef = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT ref, id FROM building WHERE ref IS NOT NULL AND path LIKE ?")) {
      ps.setString(1, Scope.subtreePattern(areaPath));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          idOfRef.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    Map<Long, SurveyStatus> status = new HashMap<>();
    Map<Long, Timestamp> lastAt = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(PostgresSurveyRepository.INSERT_CHANGE)) {
      int n = 0;
      for (PastChange p : history) {
        Long building = idOfRef.get(p.buildingRef());
        if (building == null) {
          throw new IllegalArgumentException(
              "no building '" + p.buildingRef() + "' under " + areaPath);
        }
        SurveyStatus from = status.getOrDefault(building, SurveyStatus.NOT_VISITED);
        from.requireNext(p.to());
        status.put(building, p.to());
        Timestamp at = Timestamp.from(p.at());
        lastAt.put(building, at);
        ps.setLong(1, campaignId);
        ps.setLong(2, building);
        ps.setString(3, from.code());
        ps.setString(4, p.to().code());
        ps.setTimestamp(5, at);
        Sql.setNullableLong(ps, 6, null);
        ps.setString(7, p.actor());
        ps.setString(8, p.note());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    Long[] ids = status.keySet().toArray(Long[]::new);
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            UPDATE survey_record r SET status = u.status, updated_at = u.at
              FROM unnest(?::bigint[], ?::text[], ?::timestamptz[]) AS u(id, status, at)
             WHERE r.campaign_id = ? AND r.building_id = u.id
            """)) {
      ps.setArray(1, c.createArrayOf("bigint", ids));
      ps.setArray(
          2, c.createArrayOf("text", Arrays.stream(ids).map(i -> status.get(i).code()).toArray()));
      ps.setArray(3, c.createArrayOf("timestamptz", Arrays.stream(ids).map(lastAt::get).toArray()));
      ps.setLong(4, campaignId);
      ps.executeUpdate();
    }
  }
}
