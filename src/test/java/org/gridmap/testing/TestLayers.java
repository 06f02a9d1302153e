package org.gridmap.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.layer.Layer;
import org.gridmap.layer.Layer.GeometryKind;
import org.gridmap.layer.Layer.Property;
import org.gridmap.layer.Layer.PropertyType;
import org.gridmap.layer.Layer.Table;

/**
 * Two test-only layers over tables made in the shared test database, published by a second server
 * on the same database (the shared server publishes only the real layers, which the GDAL tests
 * list):
 *
 * <ul>
 *   <li>{@value #PLACES}: an INTERNAL point layer, one place at a point inside each demo grid, with
 *       that grid's area path (for the scope) and a time an hour apart from the previous one's
 *       ({@code 2026-03-01T01:00Z} for the first grid in code order);
 *   <li>{@value #POINTS}: a PUBLIC layer of {@value #POINT_COUNT} points spread over the demo
 *       grids, for streaming at scale.
 * </ul>
 */
public final class TestLayers {
  public static final String PLACES = "test_places";
  public static final String POINTS = "test_points";
  public static final int POINT_COUNT = 1_000_000;

  private static TestApp app;

  private TestLayers() {}

  /** The server publishing the test layers, started once per test JVM. */
  public static synchronized TestApp app() {
    if (app == null) {
      TestApp.shared(); // the migrated database with the demo towns and accounts
      createTables();
      app =
          TestApp.start(
              TestApp.config(TestDatabase.url())
                  .with(Option.RATE_PUBLIC_PER_MINUTE, "100000")
                  .with(Option.RATE_LOGIN_PER_MINUTE, "100000"),
              List.of(places(), points()));
      Runtime.getRuntime().addShutdownHook(new Thread(app::close));
    }
    return app;
  }

  public static Layer places() {
    return Layer.builder(PLACES)
        .title("Test places")
        .internal()
        .geometry(GeometryKind.POINT)
        .table(new Table(PLACES, "", List.of(), "id", "geom", "path"))
        .property(Property.text("grid", "grid").filterable())
        .property(new Property("n", "id", PropertyType.INTEGER, true))
        .property(new Property("seen_at", "seen_at", PropertyType.DATETIME, false))
        .time("seen_at")
        .build();
  }

  public static Layer points() {
    return Layer.builder(POINTS)
        .title("Test points")
        .geometry(GeometryKind.POINT)
        .table(new Table(POINTS, "", List.of(), "id", "geom", "path"))
        .property(Property.text("grid", "grid").filterable())
        .property(new Property("seen_at", "seen_at", PropertyType.DATETIME, false))
        .time("seen_at")
        .build();
  }

  private static void createTables() {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        Statement s = c.createStatement()) {
      s.execute(
          """
          CREATE TABLE test_places (
            id bigint PRIMARY KEY, grid text NOT NULL, path text NOT NULL,
            seen_at timestamptz NOT NULL, geom geometry(Point, 4326) NOT NULL);
          INSERT INTO test_places
          SELECT row_number() OVER (ORDER BY code), code, path,
                 timestamptz '2026-03-01 00:00Z' + row_number() OVER (ORDER BY code) * interval '1 hour',
                 ST_PointOnSurface(boundary)
            FROM area WHERE level = 'grid' AND valid_to IS NULL;
          CREATE INDEX ON test_places USING gist (geom);
          CREATE TABLE test_points (
            id bigint PRIMARY KEY, grid text NOT NULL, path text NOT NULL,
            seen_at timestamptz NOT NULL, geom geometry(Point, 4326) NOT NULL);
          INSERT INTO test_points
          SELECT i, g.code, g.path, timestamptz '2026-01-01 00:00Z' + i * interval '1 second',
                 ST_SetSRID(ST_MakePoint(g.x0 + g.w * mod(i * 7919, 1000) / 1000.0,
                                         g.y0 + g.h * mod(i * 104729, 1000) / 1000.0), 4326)
            FROM generate_series(1::bigint, %d) AS i
            JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS n,
                         code, path, ST_XMin(boundary) AS x0, ST_YMin(boundary) AS y0,
                         ST_XMax(boundary) - ST_XMin(boundary) AS w,
                         ST_YMax(boundary) - ST_YMin(boundary) AS h
                    FROM area WHERE level = 'grid' AND valid_to IS NULL) AS g ON g.k = mod(i, g.n);
          ANALYZE test_places;
          ANALYZE test_points;
          """
              .formatted(POINT_COUNT));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test layers: " + e.getMessage(), e);
    }
  }
}
