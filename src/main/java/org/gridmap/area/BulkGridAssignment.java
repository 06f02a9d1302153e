package org.gridmap.area;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Scope;

/**
 * The boundary rule of {@link PointInGrid} as one set-based SQL statement, for bulk writes
 * (imports, the demo load, re-assignment after boundary changes) where asking point by point would
 * take minutes: a point belongs to the current {@code grid} area whose boundary covers it ({@code
 * ST_Covers}, so edges and vertices count as inside), the smallest code when several do (shared
 * edges), none when no grid covers it. This is exactly {@link PostgisPointInGrid}'s query, joined
 * instead of repeated; single writes still go through {@link PointInGrid}.
 *
 * <p>The table must have a key column, a {@code geometry(Point,4326)} column and the columns {@code
 * grid_code}, {@code path}, {@code boundary_version} and {@code assigned_at}. Table and column
 * names come from constants in the calling repository, never from a request.
 */
public final class BulkGridAssignment {

  /** A table of points to assign: its name, key column and point column (SQL identifiers). */
  public record PointTable(String table, String key, String point) {
    public PointTable {
      for (String identifier : new String[] {table, key, point}) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
          throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
        }
      }
    }
  }

  /** One row whose grid changed: its key and the grids before and after. */
  public record Move(long key, String fromGrid, String toGrid) {}

  /** What a re-assignment looked at and changed; {@code uncovered} lie in no grid, unchanged. */
  public record Reassignment(int checked, List<Move> moved, List<Long> uncovered) {

    /** The audit log's detail of a re-assignment: counts and the first 1,000 moves. */
    public Map<String, Object> auditDetail() {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("checked", checked);
      d.put("moved", moved.size());
      d.put("uncovered", uncovered.size());
      d.put(
          "moves",
          moved.stream()
              .limit(1000)
              .map(m -> m.key() + ":" + m.fromGrid() + ">" + m.toGrid())
              .toList());
      return d;
    }
  }

  /** Rows under an area: by stored path, or by location inside the area's current boundary. */
  private static final String UNDER_AREA =
      "x.path LIKE ? OR ST_Covers((SELECT a.boundary FROM area a WHERE a.code = ?"
          + " AND a.valid_to IS NULL), x.%s)";

  private BulkGridAssignment() {}

  /**
   * Assigns the rows under an area (stored path below {@code areaPath}, or location inside the
   * area's current boundary, which catches rows that a boundary change brought in) to the current
   * grids again, inside the caller's transaction {@code c}.
   */
  public static Reassignment reassignUnder(
      Connection c, PointTable t, String areaCode, String areaPath) throws SQLException {
    String filter = UNDER_AREA.formatted(t.point());
    String pattern = Scope.subtreePattern(areaPath);
    int checked;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT count(*) FROM " + t.table() + " x WHERE " + filter)) {
      ps.setString(1, pattern);
      ps.setString(2, areaCode);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        checked = rs.getInt(1);
      }
    }
    List<Long> uncovered = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(uncovered(t, filter))) {
      ps.setString(1, pattern);
      ps.setString(2, areaCode);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          uncovered.add(rs.getLong(1));
        }
      }
    }
    List<Move> moved = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(assign(t, filter))) {
      ps.setString(1, pattern);
      ps.setString(2, areaCode);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          moved.add(new Move(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    moved.sort(Comparator.comparingLong(Move::key));
    return new Reassignment(checked, List.copyOf(moved), List.copyOf(uncovered));
  }

  /**
   * An UPDATE that assigns every row matching {@code filter} (SQL over the alias {@code x}, with
   * its own bind parameters; {@code "true"} for all) and changes only rows whose grid, path or
   * boundary version differ. It returns one row per changed point: {@code key}, {@code old_grid},
   * {@code new_grid}. Rows that no grid covers are left as they are.
   */
  public static String assign(PointTable t, String filter) {
    return """
        UPDATE %1$s t
           SET grid_code = g.code, path = g.path, boundary_version = g.version, assigned_at = now()
          FROM (SELECT DISTINCT ON (x.%2$s) x.%2$s AS key, x.grid_code AS old_grid,
                       a.code, a.path, a.version
                  FROM %1$s x
                  JOIN area a ON a.valid_to IS NULL AND a.level = 'grid'
                             AND ST_Covers(a.boundary, x.%3$s)
                 WHERE %4$s
                 ORDER BY x.%2$s, a.code) g
         WHERE t.%2$s = g.key
           AND (t.grid_code, t.path, t.boundary_version) IS DISTINCT FROM (g.code, g.path, g.version)
        RETURNING g.key, g.old_grid, g.code AS new_grid
        """
        .formatted(t.table(), t.key(), t.point(), filter);
  }

  /** A query for the keys of rows matching {@code filter} that no current grid covers. */
  public static String uncovered(PointTable t, String filter) {
    return """
        SELECT x.%2$s AS key
          FROM %1$s x
         WHERE (%4$s)
           AND NOT EXISTS (SELECT 1 FROM area a
                            WHERE a.valid_to IS NULL AND a.level = 'grid'
                              AND ST_Covers(a.boundary, x.%3$s))
         ORDER BY x.%2$s
        """
        .formatted(t.table(), t.key(), t.point(), filter);
  }
}
