package org.gridmap.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Events for the analytics and browser tests, written straight into the events table under
 * test-only event types (internal, so they stay out of Open311 and apart from the demo events).
 * Each event is assigned like a real one: the grid that covers it (smallest code on a shared edge),
 * its path and boundary version.
 */
public final class TestEvents {
  private TestEvents() {}

  /** Test-only event types (internal, so they stay out of Open311) keep test events apart. */
  static final String TABLE =
      """
      INSERT INTO event_type (code, name_zh, name_en, is_public, deadline_hours, required_fields,
                              sort_order)
      SELECT t, t, t, false, 48, ARRAY['what'],
             (SELECT coalesce(max(sort_order), 0) FROM event_type) + n::int
        FROM unnest(?::text[]) WITH ORDINALITY AS x (t, n)
      ON CONFLICT (code) DO NOTHING""";

  private static final String COLUMNS =
      "INSERT INTO event (type, severity, location, occurred_at, reported_at, updated_at, due_at,"
          + " what, path, grid_code, boundary_version, source, status, resolved_at)";

  private static final String GRID_OF_P =
      """
       LEFT JOIN LATERAL (SELECT a.path, a.code, a.version FROM area a
                          WHERE a.level = 'grid' AND a.valid_to IS NULL AND ST_Covers(a.boundary, p)
                          ORDER BY a.code LIMIT 1) g ON true""";

  static final String INSERT =
      COLUMNS
          + """
           SELECT x.type, 'normal', p, x.t, x.t, x.t, x.t + interval '2 days', 'test event',
                  g.path, g.code, g.version, 'demo', 'closed', x.t
             FROM (SELECT ?::text AS type, ?::timestamptz AS t,
                          ST_SetSRID(ST_MakePoint(?, ?), 4326) AS p) x"""
          + GRID_OF_P;

  static final String RANDOM_IN_AREA =
      COLUMNS
          + """
           SELECT x.type, 'normal', p, x.t, x.t, x.t, x.t + interval '2 days', 'test event',
                  g.path, g.code, g.version, 'demo', 'closed', x.t
             FROM (SELECT ?::text AS type, ?::timestamptz AS t, ?::int AS n, ?::int AS seed,
                          ?::text AS area) x
            CROSS JOIN LATERAL (SELECT (ST_Dump(ST_GeneratePoints(a.boundary, x.n, x.seed))).geom AS p
                                  FROM area a WHERE a.code = x.area AND a.valid_to IS NULL) pts"""
          + GRID_OF_P;

  /**
   * Inserts {@code count} events spread uniformly at random (PostGIS, fixed seed) over one area's
   * current boundary, all of one type reported at one instant.
   */
  public static void insertRandom(String areaCode, int count, int seed, String type, Instant at) {
    TestApp.shared();
    try (Connection c = DriverManager.getConnection(TestDatabase.url())) {
      try (PreparedStatement ps = c.prepareStatement(TABLE)) {
        ps.setArray(1, c.createArrayOf("text", new Object[] {type}));
        ps.executeUpdate();
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
      try (PreparedStatement ps = c.prepareStatement(TABLE)) {
        ps.setArray(
            1,
            c.createArrayOf(
                "text",
                java.util.stream.StreamSupport.stream(events.spliterator(), false)
                    .map(Event::type)
                    .distinct()
                    .toArray()));
        ps.executeUpdate();
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
