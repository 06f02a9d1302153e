package org.gridmap.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridmap.access.Scope;
import org.gridmap.db.Database;
import org.gridmap.geo.Bbox;
import org.gridmap.layer.Layer.GeometryKind;
import org.gridmap.layer.Layer.Property;
import org.gridmap.layer.Layer.PropertyType;
import org.gridmap.layer.Layer.Table;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer SQL pieces against real PostGIS, on a small table of points made for the purpose. */
class PostgresFeatureStoreIT {
  private static Database database;
  private static PostgresFeatureStore store;

  private static final Table SPOTS = new Table("spot", "", List.of(), "id", "geom", "path");
  private static final Layer PUBLIC = layer("spots").build();
  private static final Layer INTERNAL = layer("spots_internal").internal().build();

  @BeforeAll
  static void spots() throws SQLException {
    database = Database.open(TestApp.config(TestDatabase.freshDatabase("feature_store")));
    database.migrate();
    store = new PostgresFeatureStore(database);
    execute(
        """
        CREATE TABLE spot (id bigint PRIMARY KEY, name text, path text NOT NULL,
                           seen_at timestamptz NOT NULL, geom geometry(Point, 4326) NOT NULL);
        INSERT INTO spot VALUES
          (1, 'east of the antimeridian', '/a/', '2026-01-01T12:00Z', 'SRID=4326;POINT(179.5 0)'),
          (2, 'west of the antimeridian', '/a/b/', '2026-01-02T12:00Z', 'SRID=4326;POINT(-179.5 0)'),
          (3, 'null island', '/c/', '2026-01-03T12:00Z', 'SRID=4326;POINT(0 0)'),
          (4, 'jinan', '/a/b/', '2026-01-04T00:00Z', 'SRID=4326;POINT(117 36.6)'),
          (5, 'on the edge', '/c/d/', '2026-01-05T12:00Z', 'SRID=4326;POINT(10 10)'),
          (6, 'underscore', '/ab/', '2026-01-06T12:00Z', 'SRID=4326;POINT(1 1)');
        """);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void a_bbox_across_the_antimeridian_selects_both_sides_of_it() {
    assertEquals(List.of("1", "2"), ids(query(PUBLIC).bbox(Bbox.parse("170,-10,-170,10"))));
    assertEquals(List.of("3", "6"), ids(query(PUBLIC).bbox(Bbox.parse("-10,-5,5,5"))));
  }

  @Test
  void a_point_on_the_edge_of_the_bbox_intersects_it() {
    assertEquals(List.of("5"), ids(query(PUBLIC).bbox(Bbox.parse("10,10,20,20"))));
  }

  @Test
  void the_scope_limits_an_internal_layer_to_its_subtrees() {
    assertEquals(List.of("1", "2", "4"), ids(query(INTERNAL).scope(paths("/a/"))));
    assertEquals(List.of("2", "4"), ids(query(INTERNAL).scope(paths("/a/b/"))));
    assertEquals(List.of("2", "4", "5"), ids(query(INTERNAL).scope(paths("/a/b/", "/c/d/"))));
    assertEquals(List.of(), ids(query(INTERNAL).scope(Scope.NONE)));
    assertEquals(6, ids(query(INTERNAL).scope(Scope.ALL)).size());
  }

  @Test
  void like_wildcards_in_a_scope_path_are_taken_literally() {
    assertEquals(List.of(), ids(query(INTERNAL).scope(paths("/a_/"))));
    assertEquals(List.of(), ids(query(INTERNAL).scope(paths("/%/"))));
  }

  @Test
  void datetime_selects_by_the_time_column() {
    assertEquals(
        List.of("2", "3"), ids(query(PUBLIC).time(TimeInterval.parse("2026-01-02/2026-01-03"))));
    assertEquals(
        List.of("4"), ids(query(PUBLIC).time(TimeInterval.parse("2026-01-04T08:00:00+08:00"))));
    assertEquals(
        List.of("5", "6"), ids(query(PUBLIC).time(TimeInterval.parse("2026-01-05T00:00:00Z/.."))));
  }

  @Test
  void equality_filters_select_by_property() {
    assertEquals(List.of("4"), ids(query(PUBLIC).equal("name", "jinan")));
    assertEquals(List.of("3"), ids(query(PUBLIC).equal("n", 3L)));
  }

  @Test
  void a_page_comes_with_the_number_matched_without_limit_and_offset() {
    List<String> ids = new ArrayList<>();
    long[] matched = {-2};
    long returned =
        store.stream(
            new FeatureQuery(PUBLIC, null, null, null, Map.of(), 2, 1),
            true,
            new FeatureSink() {
              @Override
              public void begin(long numberMatched) {
                matched[0] = numberMatched;
              }

              @Override
              public void accept(Feature f) {
                assertTrue(matched[0] >= 0, "the count comes first");
                ids.add(f.id());
              }
            });
    assertEquals(6, matched[0]);
    assertEquals(2, returned);
    assertEquals(List.of("2", "3"), ids);
  }

  @Test
  void properties_come_typed_and_geometry_in_lon_lat() {
    Feature jinan = store.find(PUBLIC, null, "4").orElseThrow();
    assertEquals(List.of("jinan", 4L, Instant.parse("2026-01-04T00:00:00Z")), jinan.values());
    assertEquals(117, jinan.geometry().getCoordinate().x, 0);
    assertEquals(36.6, jinan.geometry().getCoordinate().y, 0);
  }

  @Test
  void find_answers_nothing_for_ids_outside_the_scope_or_of_the_wrong_type() {
    assertTrue(store.find(INTERNAL, paths("/c/"), "3").isPresent());
    assertTrue(store.find(INTERNAL, paths("/c/"), "4").isEmpty());
    assertTrue(store.find(PUBLIC, null, "not-a-number").isEmpty());
    assertTrue(store.find(PUBLIC, null, "99").isEmpty());
  }

  @Test
  void the_extent_is_cached_until_the_layer_version_changes() throws SQLException {
    Layer layer = layer("spots_extent").build();
    LayerExtent before = store.extent(layer);
    assertEquals(new Bbox(-179.5, 0, 179.5, 36.6), before.bbox());
    assertEquals(Instant.parse("2026-01-01T12:00:00Z"), before.first());
    assertEquals(Instant.parse("2026-01-06T12:00:00Z"), before.last());
    execute("INSERT INTO spot VALUES (7, 'north', '/n/', '2026-02-01Z', 'SRID=4326;POINT(0 80)')");
    try {
      assertEquals(before, store.extent(layer), "same version, cached extent");
      execute("SELECT bump_layer_version(ARRAY['spots_extent'])");
      assertEquals(80, store.extent(layer).bbox().north());
    } finally {
      execute("DELETE FROM spot WHERE id = 7");
    }
  }

  private static Layer.Builder layer(String id) {
    return Layer.builder(id)
        .title(id)
        .geometry(GeometryKind.POINT)
        .table(SPOTS)
        .property(Property.text("name", "name").filterable())
        .property(new Property("n", "id", PropertyType.INTEGER, true))
        .property(new Property("seen_at", "seen_at", PropertyType.DATETIME, false))
        .time("seen_at");
  }

  private static Scope paths(String... paths) {
    return Scope.ofPaths(List.of(paths));
  }

  /** A query under construction: all features, then narrowed. */
  private record Q(
      Layer layer, Scope scope, Bbox bbox, TimeInterval time, Map<String, Object> equals) {
    Q bbox(Bbox b) {
      return new Q(layer, scope, b, time, equals);
    }

    Q scope(Scope s) {
      return new Q(layer, s, bbox, time, equals);
    }

    Q time(TimeInterval t) {
      return new Q(layer, scope, bbox, t, equals);
    }

    Q equal(String name, Object value) {
      return new Q(layer, scope, bbox, time, Map.of(name, value));
    }
  }

  private static Q query(Layer layer) {
    return new Q(layer, layer.isPublic() ? null : Scope.ALL, null, null, Map.of());
  }

  private static List<String> ids(Q q) {
    List<String> ids = new ArrayList<>();
    store.stream(
        new FeatureQuery(q.layer(), q.scope(), q.bbox(), q.time(), q.equals(), FeatureQuery.ALL, 0),
        false,
        f -> ids.add(f.id()));
    return ids;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
