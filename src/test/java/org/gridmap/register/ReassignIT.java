package org.gridmap.register;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.gridmap.access.Principal;
import org.gridmap.access.Scope;
import org.gridmap.area.BulkGridAssignment;
import org.gridmap.area.GridAssignment;
import org.gridmap.area.PointInGrid;
import org.gridmap.area.PostgisPointInGrid;
import org.gridmap.audit.AuditEntry;
import org.gridmap.audit.AuditQuery;
import org.gridmap.audit.PostgresAuditLog;
import org.gridmap.db.Database;
import org.gridmap.place.PlaceChange;
import org.gridmap.place.PostgresPlaceRepository;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-assignment after boundaries change, on a database of its own: town T > community C > grids G1
 * (x 0..1) and G2 (x 1..2); then the shared edge moves to x = 0.5 (new boundary versions), and a
 * building and a key place at x = 0.75 move from G1 to G2.
 */
class ReassignIT {
  private static Database database;
  private static PostgresAuditLog audit;
  private static PointInGrid grids;

  @BeforeAll
  static void smallTown() throws SQLException {
    database = Database.open(TestApp.config(TestDatabase.freshDatabase("reassign")));
    database.migrate();
    audit = new PostgresAuditLog(database, new ObjectMapper());
    grids = new PostgisPointInGrid(database);
    sql(
        "INSERT INTO area (code, name, level, parent_code, boundary) VALUES"
            + " ('T', 'T', 'town', NULL, ST_Multi(ST_MakeEnvelope(0, 0, 2, 2, 4326))),"
            + " ('T1', 'C', 'community', 'T', ST_Multi(ST_MakeEnvelope(0, 0, 2, 1, 4326))),"
            + " ('T1G1', 'G1', 'grid', 'T1', ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326))),"
            + " ('T1G2', 'G2', 'grid', 'T1', ST_Multi(ST_MakeEnvelope(1, 0, 2, 1, 4326))),"
            + " ('T2', 'D', 'community', 'T', ST_Multi(ST_MakeEnvelope(0, 1, 2, 2, 4326))),"
            + " ('T2G1', 'H1', 'grid', 'T2', ST_Multi(ST_MakeEnvelope(0, 1, 1, 2, 4326))),"
            + " ('T2G2', 'H2', 'grid', 'T2', ST_Multi(ST_MakeEnvelope(1, 1, 2, 2, 4326)))");
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void the_bulk_rule_and_point_in_grid_agree_on_a_shared_edge_smallest_code_first() {
    GridAssignment onEdge = grids.assign(1.0, 1.5);
    assertEquals("T2G1", onEdge.gridCode());
    PostgresBuildingRepository buildings = new PostgresBuildingRepository(database, audit);
    ImportReport report =
        buildings.insertAll(
            List.of(row("EDGE-1", 1.0, 1.5), row("EDGE-2", 1.5, 1.5)),
            "EPSG:4326",
            Scope.ALL,
            entry("building.import"),
            ImportProgress.NONE);
    assertEquals(java.util.Map.of("T2G1", 1, "T2G2", 1), report.byGrid());
  }

  @Test
  void buildings_and_places_follow_a_moved_boundary_and_the_move_is_audited() throws SQLException {
    PostgresBuildingRepository buildings = new PostgresBuildingRepository(database, audit);
    PostgresPlaceRepository places = new PostgresPlaceRepository(database, audit);
    Building b =
        buildings.insert(
            row("MOVE-1", 0.75, 0.5).building(), grids.assign(0.75, 0.5), entry("building.create"));
    var p =
        places.insert(
            new PlaceChange("P-1", "school", "学校", null, 0.75, 0.5, 7),
            grids.assign(0.75, 0.5),
            entry("key_place.create"));
    assertEquals("T1G1", b.gridCode());

    sql(
        "UPDATE area SET valid_to = now() WHERE code IN ('T1G1', 'T1G2') AND valid_to IS NULL;"
            + " INSERT INTO area (code, name, level, parent_code, boundary, version) VALUES"
            + " ('T1G1', 'G1', 'grid', 'T1', ST_Multi(ST_MakeEnvelope(0, 0, 0.5, 1, 4326)), 2),"
            + " ('T1G2', 'G2', 'grid', 'T1', ST_Multi(ST_MakeEnvelope(0.5, 0, 2, 1, 4326)), 2)");

    BulkGridAssignment.Reassignment moved =
        buildings.reassign("T1", "/T/T1/", entry("building.reassign"));
    assertEquals(
        List.of(new BulkGridAssignment.Move(b.id(), "T1G1", "T1G2")),
        moved.moved().stream().filter(m -> m.key() == b.id()).toList());
    Building after = buildings.find(b.id(), Scope.ALL).orElseThrow();
    assertEquals("T1G2", after.gridCode());
    assertEquals("/T/T1/T1G2/", after.path());
    assertEquals(2, after.boundaryVersion());
    assertEquals(0, moved.uncovered().size());

    var placeMoves = places.reassign("T1", "/T/T1/", entry("key_place.reassign"));
    assertEquals(1, placeMoves.moved().size());
    assertEquals("T1G2", places.find(p.id()).orElseThrow().gridCode());

    assertEquals(0, buildings.reassign("T1", "/T/T1/", entry("building.reassign")).moved().size());
    var log = audit.query(new AuditQuery(null, "building.reassign", null, "T1", null, null, 1, 10));
    assertEquals(2, log.total());
    assertEquals(1, log.items().get(1).detail().get("moved"));
  }

  private static BuildingRow row(String ref, double lon, double lat) {
    return new BuildingRow(
        ref, new BuildingDraft(ref, "地址", lon, lat, null, new HouseholdCounts(1, 2, 0, 0)));
  }

  private static AuditEntry entry(String action) {
    return AuditEntry.of(Principal.system("test"), null, action, "building", null);
  }

  private static void sql(String statements) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(statements);
    }
  }
}
