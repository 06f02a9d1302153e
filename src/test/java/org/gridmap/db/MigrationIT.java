package org.gridmap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.gridmap.area.HibernateAreaRepository;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Flyway migrations on an empty PostGIS database, and Hibernate's schema validation. */
class MigrationIT {
  private static Database database;

  @BeforeAll
  static void migrateEmptyDatabase() {
    String url = TestDatabase.freshDatabase("migration");
    database = Database.open(TestApp.config(url));
    database.migrate();
  }

  @Test
  void first_migration_creates_postgis() throws SQLException {
    assertTrue(scalar("SELECT postgis_lib_version()").matches("3\\..*"));
  }

  @Test
  void boundary_is_a_multipolygon_in_4326_with_a_gist_index() throws SQLException {
    assertEquals(
        "MULTIPOLYGON 4326",
        scalar(
            "SELECT type || ' ' || srid FROM geometry_columns"
                + " WHERE f_table_name = 'area' AND f_geometry_column = 'boundary'"));
    assertEquals(
        "gist",
        scalar(
            "SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_am am ON am.oid = c.relam JOIN pg_attribute a"
                + " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                + " WHERE i.indrelid = 'area'::regclass AND a.attname = 'boundary'"));
  }

  @Test
  void hibernate_validates_the_migrated_schema() {
    Orm.sessionFactory(database.dataSource(), HibernateAreaRepository.ENTITIES).close();
  }

  @Test
  void migrating_twice_changes_nothing() {
    database.migrate();
  }

  @Test
  void levels_are_data_and_a_town_village_grid_deployment_needs_no_code() throws SQLException {
    assertEquals(
        "county,town,community,grid,microgrid",
        scalar("SELECT string_agg(code, ',' ORDER BY rank) FROM area_level"));
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO area (code, name, level, parent_code, boundary) VALUES"
              + " ('T1', 'T', 'town', NULL, ST_Multi(ST_MakeEnvelope(0,0,2,2,4326))),"
              + " ('T1V1', 'V', 'community', 'T1', ST_Multi(ST_MakeEnvelope(0,0,1,1,4326))),"
              + " ('T1V1G1', 'G', 'grid', 'T1V1', ST_Multi(ST_MakeEnvelope(0,0,1,1,4326)))");
    }
    assertEquals("/T1/T1V1/T1V1G1/", scalar("SELECT path FROM area WHERE code = 'T1V1G1'"));
  }

  @Test
  void database_refuses_a_missing_parent_or_a_parent_below_the_child() throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      SQLException missing =
          assertThrows(
              SQLException.class,
              () ->
                  s.execute(
                      "INSERT INTO area (code, name, level, parent_code, boundary) VALUES"
                          + " ('X1', 'X', 'grid', 'NOPE', ST_Multi(ST_MakeEnvelope(0,0,1,1,4326)))"));
      assertEquals("23503", missing.getSQLState());
      s.execute(
          "INSERT INTO area (code, name, level, parent_code, boundary) VALUES"
              + " ('G9', 'G', 'grid', NULL, ST_Multi(ST_MakeEnvelope(0,0,1,1,4326)))");
      SQLException upsideDown =
          assertThrows(
              SQLException.class,
              () ->
                  s.execute(
                      "INSERT INTO area (code, name, level, parent_code, boundary) VALUES"
                          + " ('T9', 'T', 'town', 'G9', ST_Multi(ST_MakeEnvelope(0,0,1,1,4326)))"));
      assertEquals("23514", upsideDown.getSQLState());
      SQLException polygon =
          assertThrows(
              SQLException.class,
              () ->
                  s.execute(
                      "INSERT INTO area (code, name, level, boundary) VALUES"
                          + " ('P1', 'P', 'town', ST_MakeEnvelope(0,0,1,1,4326))"));
      assertTrue(polygon.getMessage().contains("MultiPolygon"), polygon.getMessage());
    }
  }

  private static String scalar(String sql) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
