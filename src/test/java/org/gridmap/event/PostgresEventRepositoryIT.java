package org.gridmap.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.gridmap.access.Principal;
import org.gridmap.access.Role;
import org.gridmap.access.Scope;
import org.gridmap.area.PostgisPointInGrid;
import org.gridmap.audit.PostgresAuditLog;
import org.gridmap.db.Database;
import org.gridmap.http.Json;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The event SQL against real PostGIS, on a database of its own with two unit-square grids side by
 * side: G1 = [0,1]×[0,1] and G2 = [1,2]×[0,1] in town T, community C. Time is a clock the test
 * moves.
 */
class PostgresEventRepositoryIT {
  private static final Instant T0 = Instant.parse("2026-03-01T14:30:00Z");
  private static final Principal ADMIN =
      new Principal(
          0,
          "tester",
          "tester",
          Role.ADMIN,
          List.of(),
          Scope.ALL,
          Principal.Via.COMMAND_LINE,
          null);

  /** A clock the test sets. */
  static final class TestClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Database database;
  private static PostgresEventRepository repo;
  private static Events events;
  private static final TestClock clock = new TestClock();

  @BeforeAll
  static void open(@TempDir Path media) throws SQLException {
    database = Database.open(TestApp.config(TestDatabase.freshDatabase("events")));
    database.migrate();
    sql(
        "INSERT INTO area (code, name, level, parent_code, boundary) VALUES"
            + " ('T', 'T', 'town', NULL, ST_Multi(ST_MakeEnvelope(0, 0, 2, 1, 4326))),"
            + " ('C', 'C', 'community', 'T', ST_Multi(ST_MakeEnvelope(0, 0, 2, 1, 4326))),"
            + " ('G1', 'G1', 'grid', 'C', ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326))),"
            + " ('G2', 'G2', 'grid', 'C', ST_Multi(ST_MakeEnvelope(1, 0, 2, 1, 4326)))");
    repo = new PostgresEventRepository(database, new PostgresAuditLog(database, Json.mapper()));
    events =
        new Events(
            repo,
            new PostgisPointInGrid(database),
            new PhotoStore(media, 1000),
            clock,
            Duration.ofHours(4),
            50,
            Duration.ofDays(7));
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static Event report(String type, Severity severity, double lon, double lat) {
    return events
        .report(
            ADMIN,
            new NewEvent(
                type,
                lon,
                lat,
                null,
                clock.instant(),
                severity,
                new Description("what", "where", "who", "since"),
                "staff",
                Reporter.NONE,
                null),
            null)
        .event();
  }

  @ParameterizedTest(name = "POINT({0} {1}) -> {2}")
  @CsvSource({
    "0.5, 0.5, G1",
    "1.5, 0.5, G2",
    "1.0, 0.5, G1", // on the shared edge: the smaller code
    "1.0, 1.0, G1", // on a vertex both share
    "2.0, 0.5, G2", // on an outer edge without neighbour
    "0.0, 0.0, G1", // a corner of the coverage
    "2.5, 0.5, ", // outside every grid
    "1.0, 1.5, "
  })
  void points_are_assigned_by_the_boundary_rule_and_outside_ones_stay_unassigned(
      double lon, double lat, String grid) {
    Event e = report("other", Severity.NORMAL, lon, lat);
    assertEquals(grid, e.gridCode());
    Event stored = repo.find(e.id()).orElseThrow();
    assertEquals(grid, stored.gridCode());
    assertEquals(grid == null ? null : "/T/C/" + grid + "/", stored.path());
    assertEquals(grid == null ? null : 1, stored.boundaryVersion());
  }

  @Test
  void the_stored_path_and_version_do_not_change_after_a_new_boundary_version()
      throws SQLException {
    Event before = report("other", Severity.NORMAL, 0.75, 0.5);
    assertEquals("G1", before.gridCode());
    // boundary version 2 of G1 (as a re-import writes it): G1 shrinks to [0,0.5]x[0,1]
    sql(
        "BEGIN; UPDATE area SET valid_to = clock_timestamp() WHERE code = 'G1' AND valid_to IS NULL;"
            + " INSERT INTO area (code, name, level, parent_code, boundary, version, valid_from)"
            + " VALUES ('G1', 'G1', 'grid', 'C', ST_Multi(ST_MakeEnvelope(0, 0, 0.5, 1, 4326)), 2,"
            + " clock_timestamp()); COMMIT");
    try {
      Event kept = repo.find(before.id()).orElseThrow();
      assertEquals("/T/C/G1/", kept.path());
      assertEquals(1, kept.boundaryVersion());
      Event now = report("other", Severity.NORMAL, 0.75, 0.5);
      assertNull(now.gridCode(), "the same point is outside G1 version 2");
      Event inside = report("other", Severity.NORMAL, 0.25, 0.5);
      assertEquals(2, inside.boundaryVersion());
      assertEquals("/T/C/G1/", inside.path());
    } finally {
      sql(
          "BEGIN; DELETE FROM area WHERE code = 'G1' AND version = 2;"
              + " UPDATE area SET valid_to = NULL WHERE code = 'G1' AND version = 1; COMMIT");
    }
  }

  @Test
  void the_overdue_filter_in_sql_agrees_with_the_rule_across_the_four_hour_boundary() {
    clock.now = T0;
    Event major = report("fire_hazard", Severity.MAJOR, 1.5, 0.25);
    Event normal = report("fire_hazard", Severity.NORMAL, 1.5, 0.25);
    Event escalated = report("fire_hazard", Severity.MAJOR, 1.5, 0.25);
    clock.now = T0.plus(Duration.ofHours(2));
    events.transition(ADMIN, escalated.id(), EventStatus.ESCALATED, "到镇", null, null);
    List<Long> ids = List.of(major.id(), normal.id(), escalated.id());
    record Check(Duration after, Set<Long> overdue) {}
    for (Check c :
        List.of(
            new Check(Duration.ofMinutes(239), Set.of()),
            new Check(Duration.ofMinutes(240), Set.of()),
            new Check(Duration.ofMinutes(241), Set.of(major.id())),
            new Check(Duration.ofHours(24).plusSeconds(1), Set.copyOf(ids)))) {
      Instant now = T0.plus(c.after());
      List<Event> found =
          repo.list(
                  new EventQuery(
                      Scope.ALL, ids, null, null, null, null, null, null, true, now, 1, 10))
              .items();
      assertEquals(c.overdue(), Set.copyOf(found.stream().map(Event::id).toList()), c.toString());
      for (long id : ids) {
        assertEquals(
            c.overdue().contains(id), repo.find(id).orElseThrow().overdue(now), id + " " + c);
      }
    }
    clock.now = T0;
  }

  @Test
  void counts_per_grid_give_resolution_and_on_time_rates() {
    clock.now = Instant.parse("2026-05-01T00:00:00Z");
    Event late = report("safety_hazard", Severity.NORMAL, 1.5, 0.75);
    Event quick = report("safety_hazard", Severity.NORMAL, 1.5, 0.75);
    Event open = report("safety_hazard", Severity.NORMAL, 1.5, 0.75);
    Event wrong = report("safety_hazard", Severity.NORMAL, 1.5, 0.75);
    for (Event e : List.of(late, quick, open)) {
      events.transition(ADMIN, e.id(), EventStatus.ACCEPTED, null, null, null);
      events.transition(ADMIN, e.id(), EventStatus.IN_PROGRESS, null, null, null);
    }
    events.transition(ADMIN, wrong.id(), EventStatus.REJECTED, "不属于网格事项", null, null);
    clock.now = clock.now.plus(Duration.ofHours(10));
    events.transition(ADMIN, quick.id(), EventStatus.RESOLVED, null, null, null);
    clock.now = clock.now.plus(Duration.ofHours(50));
    events.transition(ADMIN, late.id(), EventStatus.RESOLVED, null, null, null);
    events.transition(ADMIN, late.id(), EventStatus.CLOSED, null, null, null);
    List<AreaCounts> rows =
        events.counts(
            Scope.ALL,
            "/T/C/",
            1,
            Instant.parse("2026-04-30T00:00:00Z"),
            Instant.parse("2026-05-02T00:00:00Z"));
    assertEquals(1, rows.size(), rows.toString());
    AreaCounts g2 = rows.get(0);
    assertEquals(new AreaCounts("G2", 3, 2, 1, 1, 1), g2);
    assertEquals(0.6667, g2.resolutionRate());
    assertEquals(0.3333, g2.onTimeRate());
    assertTrue(
        events
            .counts(Scope.ofPaths(List.of("/T/C/G1/")), "/T/C/", 1, T0.minusSeconds(1), clock.now)
            .stream()
            .noneMatch(r -> r.code().equals("G2")));
    clock.now = T0;
  }

  @Test
  void possible_duplicates_are_found_in_sql_by_distance_type_age_and_scope() {
    clock.now = Instant.parse("2026-06-01T00:00:00Z");
    Event first = report("dispute", Severity.NORMAL, 0.3, 0.3);
    double metre = 1 / 111_000.0;
    EventRepository.Created near =
        events.report(
            ADMIN,
            new NewEvent(
                "dispute",
                0.3 + 30 * metre,
                0.3,
                null,
                clock.now,
                null,
                new Description("what", "where", "who", "since"),
                "staff",
                Reporter.NONE,
                null),
            null);
    assertEquals(List.of(first.id()), near.possibleDuplicates().stream().map(Event::id).toList());
    clock.now = clock.now.plus(Duration.ofDays(8));
    Event later = report("dispute", Severity.NORMAL, 0.3, 0.3);
    assertFalse(later.id() == first.id());
    EventRepository.Created old =
        repo.create(
            later,
            new EventRepository.NearbySearch(
                50, clock.now.minus(Duration.ofDays(7)), Scope.ALL, 10),
            auditFor());
    assertEquals(List.of(later.id()), old.possibleDuplicates().stream().map(Event::id).toList());
    EventRepository.Created outOfScope =
        repo.create(
            later,
            new EventRepository.NearbySearch(
                50, clock.now.minus(Duration.ofDays(7)), Scope.ofPaths(List.of("/T/C/G2/")), 10),
            auditFor());
    assertTrue(outOfScope.possibleDuplicates().isEmpty());
    clock.now = T0;
  }

  private static org.gridmap.audit.AuditEntry auditFor() {
    return org.gridmap.audit.AuditEntry.of(ADMIN, null, "event.create", "event", null);
  }
}
