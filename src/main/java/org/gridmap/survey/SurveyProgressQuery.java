package org.gridmap.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridmap.access.Scope;
import org.gridmap.db.Jdbc;

/**
 * The counts behind a campaign's progress: records under an area and in the caller's scope, grouped
 * by the areas of a join on {@code v} (villages, grids, or the area itself), with every status
 * counted and the households summed.
 */
final class SurveyProgressQuery {
  private final Jdbc jdbc;

  SurveyProgressQuery(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Records grouped by the areas of a join on {@code v}, with every status counted. */
  List<Progress.Row> rows(
      long campaignId, String areaPath, Scope scope, String areaJoin, String... joinParams) {
    record Cell(String code, String name, String level, String status, long n, long households) {}
    List<Cell> cells =
        jdbc.list(
            "SELECT v.code, v.name, v.level, r.status, count(*), coalesce(sum(b.households), 0)"
                + " FROM survey_record r JOIN building b ON b.id = r.building_id"
                + areaJoin
                + " WHERE r.campaign_id = ? AND b.path LIKE ? AND b.path LIKE ANY(?)"
                + " GROUP BY 1, 2, 3, 4",
            ps -> {
              int i = 1;
              for (String p : joinParams) {
                ps.setString(i++, p);
              }
              ps.setLong(i++, campaignId);
              ps.setString(i++, Scope.subtreePattern(areaPath));
              ps.setArray(i, ps.getConnection().createArrayOf("text", scope.likePatterns()));
            },
            rs ->
                new Cell(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getLong(6)));
    Map<String, Progress.Row> byCode = new TreeMap<>();
    for (Cell cell : cells) {
      Progress.Row r =
          byCode.getOrDefault(
              cell.code(),
              new Progress.Row(cell.code(), cell.name(), cell.level(), 0, 0, 0, noStatuses()));
      Map<String, Long> statuses = new LinkedHashMap<>(r.byStatus());
      statuses.merge(cell.status(), cell.n(), Long::sum);
      boolean visited = PostgresSurveyRepository.status(cell.status()).visited();
      byCode.put(
          cell.code(),
          new Progress.Row(
              r.code(),
              r.name(),
              r.level(),
              r.buildings() + cell.n(),
              r.households() + cell.households(),
              r.visited() + (visited ? cell.n() : 0),
              statuses));
    }
    return List.copyOf(byCode.values());
  }

  /** Every status with a count of 0, in the order of {@link SurveyStatus}. */
  static Map<String, Long> noStatuses() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (SurveyStatus s : SurveyStatus.values()) {
      m.put(s.code(), 0L);
    }
    return m;
  }
}
