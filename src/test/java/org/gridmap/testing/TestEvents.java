package org.gridmap.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Events for the analytics and browser tests, written straight into the test database. The events
 * table belongs to the events branch (issue 7); until it is merged this creates a minimal table
 * with the columns the analytics read ({@code location}, {@code path}, {@code type_code}, {@code
 * reported_at}). At merge, this is the one place to adjust. Each event gets the materialised path
 * of the grid that covers it.
 */
public final class TestEvents {
  private TestEvents() {}

  static final String TABLE =
      """
      CREATE TABLE IF NOT EXISTS event (
        id bigserial PRIMARY KEY,
        location geometry(Point, 4326) NOT NULL,
        path text NOT NULL,
        type_code text NOT NULL,
        reported_at timestamptz NOT NULL)""";

  static final String INSERT =
      """
      INSERT INTO event (location, path, type_code, reported_at)
      SELECT p, (SELECT a.path FROM area a
                  WHERE a.level = 'grid' AND a.valid_to IS NULL AND ST_Covers(a.boundary, p)
                  ORDER BY a.code LIMIT 1), ?, ?
        FROM (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS p) point""";

  static final String RANDOM_IN_AREA =
      """
      INSERT INTO event (location, path, type_code, reported_at)
      SELECT g.geom, (SELECT a.path FROM area a
                       WHERE a.level = 'grid' AND a.valid_to IS NULL AND ST_Covers(a.boundary, g.geom)
                       ORDER BY a.code LIMIT 1), ?, ?
        FROM (SELECT (ST_Dump(ST_GeneratePoints(boundary, ?, ?))).geom
                FROM area WHERE code = ? AND valid_to IS NULL) g""";

  /**
   * Inserts {@code count} events spread uniformly at random (PostGIS, fixed seed) over one area's
   * current boundary, all of one type reported at one instant.
   */
  public static void insertRandom(String areaCode, int count, int seed, String type, Instant at) {
    TestApp.shared();
    try (Connection c = DriverManager.getConnection(TestDatabase.url())) {
      try (Statement s = c.createStatement()) {
        s.execute(TABLE);
      }
      try (PreparedStatement ps = c.prepareStatement(RANDOM_IN_AREA)) {
        ps.setString(1, type);
        ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        ps.setInt(3, count);
        ps.setInt(4, seed);
        ps.setString(5, areaCode);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert test events: " + e.getMessage(), e);
    }
  }

  /** One event to insert: lon, lat (EPSG:4326), type code and report time. */
  public record Event(double lon, double lat, String type, Instant reportedAt) {}

  /** Creates the table if needed and inserts the events (each must lie in a grid). */
  public static void insert(Iterable<Event> events) {
    TestApp.shared(); // the schema (areas) exists once the shared app has migrated
    try (Connection c = DriverManager.getConnection(TestDatabase.url())) {
      try (Statement s = c.createStatement()) {
        s.execute(TABLE);
      }
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (Event e : events) {
          ps.setString(1, e.type());
          ps.setObject(2, OffsetDateTime.ofInstant(e.reportedAt(), ZoneOffset.UTC));
          ps.setDouble(3, e.lon());
          ps.setDouble(4, e.lat());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert test events: " + e.getMessage(), e);
    }
  }
}
