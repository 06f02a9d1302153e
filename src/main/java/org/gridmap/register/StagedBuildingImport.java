package org.gridmap.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridmap.access.Scope;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.BulkGridAssignment.PointTable;
import org.gridmap.db.Sql;

/**
 * How an import is stored, inside the caller's transaction: the rows go to a temporary staging
 * table, are assigned to grids there in one statement ({@link BulkGridAssignment}), are checked (in
 * a grid, in scope, id not stored yet) and only then copied to {@code building}. Any problem throws
 * {@link ImportRejected} and the transaction stores nothing.
 */
final class StagedBuildingImport {
  /** The staging table: dropped when the import's transaction ends, either way. */
  private static final String STAGING =
      """
      CREATE TEMP TABLE building_import (
        n integer PRIMARY KEY, ref text NOT NULL, address text NOT NULL,
        geom geometry(Point, 4326) NOT NULL, footprint geometry(MultiPolygon, 4326),
        households integer NOT NULL, registered_residents integer NOT NULL,
        floating_residents integer NOT NULL, rental_units integer NOT NULL,
        grid_code text, path text, boundary_version integer, assigned_at timestamptz
      ) ON COMMIT DROP
      """;

  private static final PointTable STAGED = new PointTable("building_import", "n", "geom");
  private static final String POINT = PostgresBuildingRepository.POINT;
  private static final int BATCH = 1000;

  private StagedBuildingImport() {}

  /** Stores all rows or throws; answers how many went to which grid. */
  static ImportReport store(
      Connection c, List<BuildingRow> rows, String crs, Scope scope, ImportProgress progress)
      throws SQLException {
    Sql.execute(c, STAGING, ps -> {});
    stage(c, rows, progress);
    progress.stage("assigning to grids", 1);
    try (PreparedStatement ps = c.prepareStatement(BulkGridAssignment.assign(STAGED, "true"))) {
      ps.execute();
    }
    progress.advance(1);
    List<ImportProblem> problems = stagedProblems(c, rows, scope);
    if (!problems.isEmpty()) {
      throw new ImportRejected(problems);
    }
    progress.stage("storing", 1);
    Sql.execute(
        c,
        """
        INSERT INTO building (ref, address, geom, footprint, grid_code, path,
            boundary_version, households, registered_residents, floating_residents,
            rental_units, assigned_at)
        SELECT ref, address, geom, footprint, grid_code, path, boundary_version,
               households, registered_residents, floating_residents, rental_units,
               assigned_at
          FROM building_import ORDER BY n
        """,
        ps -> {});
    Map<String, Integer> byGrid = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT grid_code, count(*) FROM building_import GROUP BY 1 ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byGrid.put(rs.getString(1), rs.getInt(2));
      }
    }
    progress.advance(1);
    return new ImportReport(rows.size(), crs, byGrid, List.of());
  }

  private static void stage(Connection c, List<BuildingRow> rows, ImportProgress progress)
      throws SQLException {
    progress.stage("staging", rows.size());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO building_import (n, ref, address, geom, footprint, households,"
                + " registered_residents, floating_residents, rental_units) VALUES (?, ?, ?, "
                + POINT
                + ", ST_GeomFromWKB(?, 4326), ?, ?, ?, ?)")) {
      for (int n = 0; n < rows.size(); n++) {
        BuildingDraft r = rows.get(n).building();
        ps.setInt(1, n);
        ps.setString(2, r.ref());
        ps.setString(3, r.address());
        ps.setDouble(4, r.lon());
        ps.setDouble(5, r.lat());
        ps.setBytes(6, Sql.wkb(r.footprint()));
        ps.setInt(7, r.counts().households());
        ps.setInt(8, r.counts().registeredResidents());
        ps.setInt(9, r.counts().floatingResidents());
        ps.setInt(10, r.counts().rentalUnits());
        ps.addBatch();
        if ((n + 1) % BATCH == 0) {
          ps.executeBatch();
          progress.advance(n + 1);
        }
      }
      ps.executeBatch();
      progress.advance(rows.size());
    }
  }

  /** Rows that lie in no grid, outside the caller's scope, or whose id is already stored. */
  private static List<ImportProblem> stagedProblems(
      Connection c, List<BuildingRow> rows, Scope scope) throws SQLException {
    List<ImportProblem> problems = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            SELECT i.n,
                   CASE WHEN i.grid_code IS NULL THEN 'outside'
                        WHEN NOT i.path LIKE ANY(?) THEN 'scope'
                        ELSE 'taken' END AS problem
              FROM building_import i
             WHERE i.grid_code IS NULL OR NOT i.path LIKE ANY(?)
                OR EXISTS (SELECT 1 FROM building b WHERE b.ref = i.ref)
             ORDER BY i.n
            """)) {
      ps.setArray(1, c.createArrayOf("text", scope.likePatterns()));
      ps.setArray(2, c.createArrayOf("text", scope.likePatterns()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BuildingRow row = rows.get(rs.getInt(1));
          BuildingDraft r = row.building();
          problems.add(
              switch (rs.getString(2)) {
                case "outside" ->
                    new ImportProblem(
                        row.where(),
                        "location",
                        String.format(
                            Locale.ROOT, "(%.7f, %.7f) lies in no grid", r.lon(), r.lat()));
                case "scope" ->
                    new ImportProblem(row.where(), "location", "lies outside your area scope");
                default ->
                    new ImportProblem(
                        row.where(),
                        "id",
                        "a building with id '" + r.ref() + "' is already stored");
              });
        }
      }
    }
    return problems;
  }
}
