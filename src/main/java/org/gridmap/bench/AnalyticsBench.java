package org.gridmap.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gridmap.analytics.AnalyticsQuery;
import org.gridmap.analytics.Cell;
import org.gridmap.analytics.CellCount;
import org.gridmap.analytics.CellGrid;
import org.gridmap.analytics.EventTable;
import org.gridmap.analytics.HotspotAnalysis;
import org.gridmap.analytics.PostgresEventDensity;
import org.gridmap.config.AppConfig;
import org.gridmap.db.Database;
import org.gridmap.geo.WebMercator;
import org.gridmap.geo.Wgs84;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code bin/gridmap bench analytics}: one million events in a scratch table (a town-sized spread
 * with a few dense clusters, fixed seed), then the heat aggregation and the Gi* hot spots for a
 * bbox holding all of them at several zooms, timed next to the same aggregation written the usual
 * PostGIS way, {@code ST_SquareGrid} over the bbox joined to the events with {@code ST_Intersects}
 * (through the GiST index). Both must give the same counts; the ratio of their medians is printed
 * last. The scratch table is kept for the next run and can be dropped at will.
 */
public final class AnalyticsBench {
  static final String TABLE = "bench_analytics_event";
  static final int EVENTS = 1_000_000;
  static final int RUNS = 5;
  static final int[] ZOOMS = {12, 13, 14};
  static final Envelope SPREAD = new Envelope(117.04, 117.36, 36.56, 36.74);

  private final Database database;
  private final PrintStream out;
  private final EventTable table = EventTable.EVENTS.inTable(TABLE);

  private AnalyticsBench(Database database, PrintStream out) {
    this.database = database;
    this.out = out;
  }

  public static int run(AppConfig config, PrintStream out) {
    try (Database database = Database.open(config)) {
      database.migrate();
      new AnalyticsBench(database, out).run();
      return 0;
    } catch (SQLException e) {
      throw new IllegalStateException("bench analytics: " + e.getMessage(), e);
    }
  }

  private void run() throws SQLException {
    prepare();
    Instant to = Instant.parse("2030-01-01T00:00:00Z");
    Instant from = Instant.parse("2000-01-01T00:00:00Z");
    String[] everyArea = {"/%"};
    PostgresEventDensity ours = new PostgresEventDensity(database, table);
    out.printf(
        Locale.ROOT,
        "%n%-5s %9s %7s | %-27s | %-27s | %s%n",
        "zoom",
        "cell m",
        "cells",
        "heat ms: GridMap / PostGIS",
        "hotspots ms: GridMap / PostGIS",
        "same counts");
    double logHeat = 0;
    double logHot = 0;
    for (int zoom : ZOOMS) {
      AnalyticsQuery q = new AnalyticsQuery(SPREAD, zoom, null, from, to, null);
      CellGrid grid = q.grid();
      Geometry study = WebMercator.project(Wgs84.FACTORY.toGeometry(SPREAD));
      Measured<List<CellCount>> heat = measure(() -> ours.countByCell(q, everyArea));
      Measured<Map<Cell, Long>> baseline = measure(() -> squareGridJoin(grid, q));
      Measured<Object> hot =
          measure(() -> HotspotAnalysis.of(grid, toMap(ours.countByCell(q, everyArea)), study));
      Measured<Object> hotBaseline =
          measure(() -> HotspotAnalysis.of(grid, squareGridJoin(grid, q), study));
      boolean same = toMap(heat.value()).equals(baseline.value());
      out.printf(
          Locale.ROOT,
          "%-5d %9.1f %7d | %8.0f / %8.0f  (%5.1f×) | %8.0f / %8.0f  (%5.1f×) | %s%n",
          zoom,
          grid.size(),
          heat.value().size(),
          heat.millis(),
          baseline.millis(),
          baseline.millis() / heat.millis(),
          hot.millis(),
          hotBaseline.millis(),
          hotBaseline.millis() / hot.millis(),
          same ? "yes" : "NO (" + difference(toMap(heat.value()), baseline.value()) + ")");
      logHeat += Math.log(baseline.millis() / heat.millis());
      logHot += Math.log(hotBaseline.millis() / hot.millis());
    }
    out.printf(
        Locale.ROOT,
        "%n%,d events in view; medians of %d runs; PostGIS = ST_SquareGrid over the bbox joined to"
            + " the events (GiST index, ST_Intersects), same Gi* after it%n",
        EVENTS,
        RUNS);
    out.printf(
        Locale.ROOT,
        "ratio PostGIS/GridMap (geometric mean over zooms %s): heat %.1f×, hotspots %.1f×%n",
        Arrays.toString(ZOOMS),
        Math.exp(logHeat / ZOOMS.length),
        Math.exp(logHot / ZOOMS.length));
  }

  /** Creates and fills the scratch table unless it already holds the events. */
  private void prepare() throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(
          """
          CREATE UNLOGGED TABLE IF NOT EXISTS %s (
            id bigserial PRIMARY KEY,
            location geometry(Point, 4326) NOT NULL,
            path text NOT NULL,
            type text NOT NULL,
            reported_at timestamptz NOT NULL)"""
              .formatted(TABLE));
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + TABLE)) {
        rs.next();
        if (rs.getLong(1) == EVENTS) {
          out.println("bench: reusing " + EVENTS + " events in " + TABLE);
          return;
        }
      }
      out.println("bench: generating " + EVENTS + " events in " + TABLE + " ...");
      long t0 = System.nanoTime();
      s.execute("TRUNCATE " + TABLE);
      s.execute("SELECT setseed(0.2024)");
      // 70% spread evenly, 30% in five clusters (Box-Muller normal, sigma about 400 m)
      s.execute(
          """
          INSERT INTO %1$s (location, path, type, reported_at)
          SELECT ST_SetSRID(ST_MakePoint(lon, lat), 4326),
                 '/370112101/370112101001/370112101001001/',
                 (ARRAY['fire_hazard','road_damage','illegal_construction'])[1 + (n %% 3)],
                 timestamptz '2025-01-01' + (n %% 365) * interval '1 day'
            FROM (
              SELECT n,
                     CASE WHEN n %% 10 < 7 THEN %2$s + random() * %3$s
                          ELSE cx + 0.0045 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())
                     END AS lon,
                     CASE WHEN n %% 10 < 7 THEN %4$s + random() * %5$s
                          ELSE cy + 0.0036 * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random())
                     END AS lat
                FROM (SELECT n,
                             (ARRAY[117.10, 117.13, 117.21, 117.28, 117.31])[1 + n %% 5] AS cx,
                             (ARRAY[36.66, 36.68, 36.62, 36.70, 36.59])[1 + n %% 5] AS cy
                        FROM generate_series(1, %6$s) n) seeds) points
           WHERE lon BETWEEN %2$s AND %7$s AND lat BETWEEN %4$s AND %8$s"""
              .formatted(
                  TABLE,
                  SPREAD.getMinX(),
                  SPREAD.getWidth(),
                  SPREAD.getMinY(),
                  SPREAD.getHeight(),
                  EVENTS + 20_000,
                  SPREAD.getMaxX(),
                  SPREAD.getMaxY()));
      s.execute(
          "DELETE FROM %1$s WHERE id IN (SELECT id FROM %1$s ORDER BY id OFFSET %2$d)"
              .formatted(TABLE, EVENTS));
      s.execute(
          "CREATE INDEX IF NOT EXISTS %1$s_location ON %1$s USING gist (location)"
              .formatted(TABLE));
      s.execute("VACUUM ANALYZE " + TABLE);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + TABLE)) {
        rs.next();
        if (rs.getLong(1) != EVENTS) {
          throw new IllegalStateException("the scratch table holds " + rs.getLong(1) + " events");
        }
      }
      out.printf(Locale.ROOT, "bench: generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
  }

  /** The same counts, the usual PostGIS way: a square grid over the bbox joined to the events. */
  private Map<Cell, Long> squareGridJoin(CellGrid grid, AnalyticsQuery q) {
    String sql =
        """
        SELECT g.i, g.j, count(*)
          FROM ST_SquareGrid(?, ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), 3857)) g
          JOIN %1$s e
            ON e.location && ST_Transform(g.geom, 4326)
           AND ST_Intersects(g.geom, ST_Transform(e.location, 3857))
         WHERE e.reported_at >= ? AND e.reported_at < ?
         GROUP BY g.i, g.j"""
            .formatted(TABLE);
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(PostgresEventDensity.SETTINGS);
      }
      Map<Cell, Long> counts = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setDouble(1, grid.size());
        ps.setDouble(2, q.bbox().getMinX());
        ps.setDouble(3, q.bbox().getMinY());
        ps.setDouble(4, q.bbox().getMaxX());
        ps.setDouble(5, q.bbox().getMaxY());
        ps.setObject(6, OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        ps.setObject(7, OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            counts.put(Cell.of(rs.getInt(1), rs.getInt(2)), rs.getLong(3));
          }
        }
      }
      c.commit();
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("baseline query failed: " + e.getMessage(), e);
    }
  }

  private static Map<Cell, Long> toMap(List<CellCount> cells) {
    Map<Cell, Long> m = new HashMap<>();
    for (CellCount c : cells) {
      m.put(c.cell(), c.count());
    }
    return m;
  }

  private static String difference(Map<Cell, Long> a, Map<Cell, Long> b) {
    long sumA = a.values().stream().mapToLong(Long::longValue).sum();
    long sumB = b.values().stream().mapToLong(Long::longValue).sum();
    int differing = 0;
    for (Cell c : a.keySet()) {
      if (!a.get(c).equals(b.get(c))) {
        differing++;
      }
    }
    return differing + " cells differ; totals " + sumA + " vs " + sumB;
  }

  private record Measured<T>(T value, double millis) {}

  /** Runs once to warm up, then {@link #RUNS} times; the median wall time in milliseconds. */
  private static <T> Measured<T> measure(Supplier<T> work) {
    T value = work.get();
    List<Double> times = new ArrayList<>();
    for (int r = 0; r < RUNS; r++) {
      long t0 = System.nanoTime();
      value = work.get();
      times.add((System.nanoTime() - t0) / 1e6);
    }
    times.sort(null);
    return new Measured<>(value, times.get(times.size() / 2));
  }
}
