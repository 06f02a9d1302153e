package org.gridmap.place;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.gridmap.access.Scope;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.BulkGridAssignment.PointTable;
import org.gridmap.area.GridAssignment;
import org.gridmap.area.OutsideCoverage;
import org.gridmap.audit.AuditEntry;
import org.gridmap.db.Sql;
import org.gridmap.place.PlaceRepository.PlaceWithHistory;

/**
 * Many key places with their past inspections stored inside the caller's transaction (the demo's
 * places): their grids are assigned in one statement ({@link BulkGridAssignment}) on a staging
 * table; a place in no grid or outside {@code scope} fails the whole load.
 */
final class PlaceBulkInsert {
  private static final String POINT = PostgresPlaceRepository.POINT;
  private static final PointTable STAGED = new PointTable("key_place_import", "n", "geom");

  private PlaceBulkInsert() {}

  /** Stores the places and their inspections; answers how many inspections were stored. */
  static int store(Connection c, List<PlaceWithHistory> places, Scope scope, AuditEntry entry)
      throws SQLException {
    Sql.execute(
        c,
        """
        CREATE TEMP TABLE key_place_import (
          n integer PRIMARY KEY, geom geometry(Point, 4326) NOT NULL,
          grid_code text, path text, boundary_version integer, assigned_at timestamptz
        ) ON COMMIT DROP
        """,
        ps -> {});
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO key_place_import (n, geom) VALUES (?, " + POINT + ")")) {
      for (int n = 0; n < places.size(); n++) {
        ps.setInt(1, n);
        ps.setDouble(2, places.get(n).place().lon());
        ps.setDouble(3, places.get(n).place().lat());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(BulkGridAssignment.assign(STAGED, "true"))) {
      ps.execute();
    }
    String[] grids = new String[places.size()];
    String[] paths = new String[places.size()];
    int[] versions = new int[places.size()];
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT n, grid_code, path, boundary_version FROM key_place_import ORDER BY n")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int n = rs.getInt(1);
          grids[n] = rs.getString(2);
          paths[n] = rs.getString(3);
          versions[n] = rs.getInt(4);
          if (grids[n] == null || !scope.covers(paths[n])) {
            throw new OutsideCoverage(places.get(n).place().lon(), places.get(n).place().lat());
          }
        }
      }
    }
    long[] ids = new long[places.size()];
    for (int n = 0; n < places.size(); n++) {
      GridAssignment grid = GridAssignment.ofStored(paths[n], grids[n], versions[n]);
      PlaceChange p = places.get(n).place();
      ids[n] =
          Sql.insertReturningId(
              c, PostgresPlaceRepository.INSERT, ps -> PostgresPlaceRepository.bind(ps, p, grid));
    }
    int inspections = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO place_inspection (place_id, inspected_at, inspector, result,"
                + " hazards, note, recorded_by_id, recorded_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int n = 0; n < places.size(); n++) {
        for (NewInspection i : places.get(n).inspections()) {
          ps.setLong(1, ids[n]);
          ps.setTimestamp(2, Timestamp.from(i.inspectedAt()));
          ps.setString(3, i.inspector());
          ps.setString(4, i.result().code());
          ps.setString(5, i.hazards());
          ps.setString(6, i.note());
          Sql.setNullableLong(ps, 7, entry.actorId());
          ps.setString(8, entry.actor());
          ps.addBatch();
          inspections++;
        }
      }
      ps.executeBatch();
    }
    Sql.execute(
        c,
        "UPDATE key_place p SET last_inspected_at = i.latest FROM (SELECT place_id,"
            + " max(inspected_at) AS latest FROM place_inspection GROUP BY 1) i"
            + " WHERE i.place_id = p.id AND p.id = ANY(?)",
        ps -> ps.setArray(1, c.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray())));
    return inspections;
  }
}
