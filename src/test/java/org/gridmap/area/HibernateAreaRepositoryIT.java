package org.gridmap.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridmap.db.Database;
import org.gridmap.db.Orm;
import org.gridmap.geo.Wgs84;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The area repository's SQL against real PostGIS, on a database of its own. */
class HibernateAreaRepositoryIT {
  private static Database database;
  private static SessionFactory sessions;
  private static AreaRepository areas;

  @BeforeAll
  static void open() {
    database = Database.open(TestApp.config(TestDatabase.freshDatabase("area_repo")));
    database.migrate();
    sessions = Orm.sessionFactory(database.dataSource(), HibernateAreaRepository.ENTITIES);
    areas = new HibernateAreaRepository(sessions);
    areas.insertAll(
        List.of(
            new NewArea("T", "Town", "Town", "town", "town", null, box("0 0, 2 0, 2 2, 0 2, 0 0")),
            new NewArea(
                "T-C1", "C1", null, "village", "community", "T", box("0 0, 1 0, 1 2, 0 2, 0 0")),
            new NewArea(
                "T-C2", "C2", null, "village", "community", "T", box("1 0, 2 0, 2 2, 1 2, 1 0")),
            new NewArea(
                "T-C1-G1", "G1", null, null, "grid", "T-C1", box("0 0, 1 0, 1 1, 0 1, 0 0"))));
  }

  @AfterAll
  static void close() {
    sessions.close();
    database.close();
  }

  @Test
  void path_runs_from_the_root_to_the_area() {
    List<Area> path = areas.pathOf("T-C1-G1");
    assertEquals(List.of("T", "T-C1", "T-C1-G1"), path.stream().map(Area::code).toList());
    assertEquals(List.of("T", "T-C1", "T-C1-G1"), path.get(2).pathCodes());
  }

  @Test
  void list_filters_by_level_and_parent_in_rank_then_code_order() {
    assertEquals(
        List.of("T", "T-C1", "T-C2", "T-C1-G1"),
        areas.list(AreaQuery.all()).stream().map(Area::code).toList());
    assertEquals(
        List.of("T-C1", "T-C2"),
        areas.list(new AreaQuery(null, "T")).stream().map(Area::code).toList());
    assertEquals(
        List.of("T-C1-G1"),
        areas.list(AreaQuery.ofLevel("grid")).stream().map(Area::code).toList());
  }

  @Test
  void boundary_round_trips_through_postgis_unchanged() {
    AreaFeature f = areas.feature("T-C2").orElseThrow();
    assertTrue(f.boundary().equalsExact(box("1 0, 2 0, 2 2, 1 2, 1 0")));
    assertEquals(Wgs84.SRID, f.boundary().getSRID());
  }

  @Test
  void insert_all_stores_every_area_or_none() {
    long before = areas.countCurrent();
    assertThrows(
        RuntimeException.class,
        () ->
            areas.insertAll(
                List.of(
                    new NewArea(
                        "OK1", "ok", null, null, "town", null, box("5 5, 6 5, 6 6, 5 6, 5 5")),
                    new NewArea(
                        "BAD",
                        "bad",
                        null,
                        null,
                        "grid",
                        "MISSING",
                        box("5 5, 6 5, 6 6, 5 6, 5 5")))));
    assertEquals(before, areas.countCurrent());
    assertTrue(areas.find("OK1").isEmpty());
  }

  @Test
  void unknown_code_has_no_path() {
    assertThrows(AreaNotFound.class, () -> areas.pathOf("NOPE"));
  }

  static MultiPolygon box(String ring) {
    try {
      MultiPolygon m =
          (MultiPolygon) new WKTReader(Wgs84.FACTORY).read("MULTIPOLYGON(((" + ring + ")))");
      m.setSRID(Wgs84.SRID);
      return m;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
