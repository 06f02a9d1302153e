package org.gridmap.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.gridmap.db.Database;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The triggers of V10 give an area level's layer a new version whenever its rows change. */
class LayerVersionIT {
  private static Database database;

  @BeforeAll
  static void migrate() {
    database = Database.open(TestApp.config(TestDatabase.freshDatabase("layer_versions")));
    database.migrate();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void town_with_a_community() throws SQLException {
    execute("TRUNCATE area");
    execute(
        "INSERT INTO area (code, name, level, parent_code, boundary) VALUES"
            + " ('T1', 'T', 'town', NULL, ST_Multi(ST_MakeEnvelope(0, 0, 2, 2, 4326))),"
            + " ('C1', 'C', 'community', 'T1', ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326)))");
  }

  @Test
  void every_level_has_a_version_from_the_start() throws SQLException {
    assertTrue(versions().keySet().containsAll(java.util.List.of("counties", "towns", "grids")));
  }

  @Test
  void storing_grids_bumps_the_grids_once_per_statement_and_nothing_else() throws SQLException {
    Map<String, Long> before = versions();
    long sequence = sequence();
    execute(
        "INSERT INTO area (code, name, level, parent_code, boundary) VALUES"
            + " ('G1', 'G', 'grid', 'C1', ST_Multi(ST_MakeEnvelope(0, 0, 0.5, 0.5, 4326))),"
            + " ('G2', 'G', 'grid', 'C1', ST_Multi(ST_MakeEnvelope(0.5, 0, 1, 0.5, 4326))),"
            + " ('G3', 'G', 'grid', 'C1', ST_Multi(ST_MakeEnvelope(0, 0.5, 1, 1, 4326)))");
    Map<String, Long> after = versions();
    assertTrue(after.get("grids") > before.get("grids"));
    assertEquals(sequence + 1, sequence(), "one bump for the three rows");
    assertEquals(before.get("towns"), after.get("towns"));
    assertEquals(before.get("communities"), after.get("communities"));
  }

  @Test
  void an_edit_or_a_deletion_bumps_the_level_of_the_row() throws SQLException {
    Map<String, Long> before = versions();
    execute("UPDATE area SET name = 'renamed' WHERE code = 'T1'");
    Map<String, Long> renamed = versions();
    assertTrue(renamed.get("towns") > before.get("towns"));
    assertEquals(before.get("communities"), renamed.get("communities"));
    execute("DELETE FROM area WHERE code = 'C1'");
    Map<String, Long> deleted = versions();
    assertTrue(deleted.get("communities") > renamed.get("communities"));
    assertEquals(renamed.get("towns"), deleted.get("towns"));
  }

  @Test
  void a_truncate_before_a_reimport_bumps_every_level() throws SQLException {
    Map<String, Long> before = versions();
    execute("TRUNCATE area");
    Map<String, Long> after = versions();
    for (String layer : before.keySet()) {
      assertTrue(after.get(layer) > before.get(layer), layer);
    }
  }

  @Test
  void a_rolled_back_edit_leaves_the_version_as_it_was() throws SQLException {
    Map<String, Long> before = versions();
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE area SET name = 'tmp' WHERE code = 'T1'");
        assertThrows(SQLException.class, () -> s.execute("SELECT 1 / 0"));
      }
      c.rollback();
      c.setAutoCommit(true);
    }
    assertEquals(before, versions());
  }

  private static Map<String, Long> versions() throws SQLException {
    Map<String, Long> versions = new HashMap<>();
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT layer, version FROM layer_version")) {
      while (rs.next()) {
        versions.put(rs.getString(1), rs.getLong(2));
      }
    }
    return versions;
  }

  private static long sequence() throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_value FROM layer_version_seq")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
