package org.gridmap.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gridmap.GridMapApp;
import org.gridmap.config.AppConfig;
import org.gridmap.config.AppConfig.Option;
import org.gridmap.db.Database;
import org.gridmap.layer.Layer;
import org.gridmap.layer.Layer.GeometryKind;
import org.gridmap.layer.Layer.Property;
import org.gridmap.layer.Layer.Table;
import org.gridmap.tiles.TileCoord;
import org.gridmap.tiles.TileSql;

/**
 * {@code gridmap bench layers}: generates 100,000 points and 10,000 grid-like polygons (Voronoi
 * cells with about forty vertices each) in a scratch schema, publishes them as two layers of an
 * in-process server on a free loopback port, and measures in one run:
 *
 * <ul>
 *   <li>GeoJSON streaming over HTTP in features/s, the bulk export and 10,000-feature pages;
 *   <li>for a fixed list of tiles, the uncached tile latency over HTTP (the layer's data version is
 *       bumped before each round, as an edit would) next to the bare {@code ST_AsMVT} statement the
 *       server runs for the same tile, on a connection of its own;
 *   <li>cached tiles per second, one client requesting tiles one after the other.
 * </ul>
 *
 * The ratios come last. The schema is dropped at the end.
 */
final class LayersBench {
  static final String SCHEMA = "gridmap_bench";
  static final int POINTS = 100_000;
  static final int POLYGONS = 10_000;
  static final int ROUNDS = 15;
  static final int WARM_UP_ROUNDS = 20;
  static final int[] ZOOMS = {12, 14, 16};
  static final int CACHED_ROUNDS = 25;

  /** The generated data lies in this box (around the demo towns). */
  static final double WEST = 117.0;

  static final double SOUTH = 36.5;
  static final double EAST = 117.4;
  static final double NORTH = 36.8;

  private final AppConfig config;
  private final PrintStream out;
  private long pointCount;
  private long polygonCount;

  LayersBench(AppConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  static Layer points() {
    return Layer.builder("bench_points")
        .title("Bench points")
        .geometry(GeometryKind.POINT)
        .table(new Table(SCHEMA + ".points", "", List.of(), "id", "geom", "path"))
        .property(Property.text("kind", "kind").filterable())
        .property(new Property("seen_at", "seen_at", Layer.PropertyType.DATETIME, false))
        .time("seen_at")
        .build();
  }

  static Layer polygons() {
    return Layer.builder("bench_polygons")
        .title("Bench polygons")
        .geometry(GeometryKind.POLYGON)
        .table(new Table(SCHEMA + ".polygons", "", List.of(), "code", "geom", "path"))
        .property(Property.text("code", "code").filterable())
        .property(Property.text("name", "name"))
        .property(Property.text("parent", "parent").filterable())
        .build();
  }

  void run() throws Exception {
    try (Database database = Database.open(config)) {
      database.migrate();
      long started = System.nanoTime();
      generate(database);
      double generated = seconds(System.nanoTime() - started);
      AppConfig server =
          config
              .with(Option.HOST, "127.0.0.1")
              .with(Option.PORT, "0")
              .with(Option.RATE_PUBLIC_PER_MINUTE, "100000000");
      try (GridMapApp app = GridMapApp.start(server, false, null, List.of(points(), polygons()))) {
        String base = "http://127.0.0.1:" + app.port();
        header(database, generated);
        List<String> ratios = new ArrayList<>();
        streaming(base);
        tiles(database, base, ratios);
        out.println();
        out.println("ratios");
        ratios.forEach(out::println);
      } finally {
        execute(database, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      }
    }
  }

  private void header(Database database, double generated) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT postgis_lib_version(), (SELECT avg(ST_NPoints(geom)) FROM %1$s.polygons),"
                        .formatted(SCHEMA)
                    + " (SELECT count(*) FROM %1$s.points), (SELECT count(*) FROM %1$s.polygons)"
                        .formatted(SCHEMA))) {
      rs.next();
      pointCount = rs.getLong(3);
      polygonCount = rs.getLong(4);
      out.printf(
          Locale.ROOT,
          "bench layers: Java %s, PostGIS %s, %d cores%n",
          System.getProperty("java.version"),
          rs.getString(1),
          Runtime.getRuntime().availableProcessors());
      out.printf(
          Locale.ROOT,
          "data: %,d points and %,d polygons (%.0f vertices on average) in schema %s,"
              + " generated in %.1f s%n",
          rs.getLong(3),
          rs.getLong(4),
          rs.getDouble(2),
          SCHEMA,
          generated);
    }
  }

  private void streaming(String base) throws Exception {
    out.println();
    out.println("GeoJSON streamed over HTTP, no gzip (median of 3 after one warm-up)");
    for (Layer layer : List.of(points(), polygons())) {
      long features = layer.id().equals("bench_points") ? pointCount : polygonCount;
      String export = base + "/api/layers/" + layer.id() + ".geojson";
      long[] bytes = new long[1];
      double t = median(3, () -> bytes[0] = HttpReader.download(export));
      out.printf(
          Locale.ROOT,
          "  bulk export  %-15s %,9d features  %6.2f s  %,10.0f features/s  (%.1f MB)%n",
          layer.id(),
          features,
          t,
          features / t,
          bytes[0] / 1e6);
      String first = base + "/ogc/collections/" + layer.id() + "/items?limit=10000";
      double paged = median(3, () -> HttpReader.pages(first));
      out.printf(
          Locale.ROOT,
          "  items pages  %-15s %,9d features  %6.2f s  %,10.0f features/s  (limit=10000, %d page%s)%n",
          layer.id(),
          features,
          paged,
          features / paged,
          (features + 9_999) / 10_000,
          features > 10_000 ? "s" : "");
    }
  }

  private void tiles(Database database, String base, List<String> ratios) throws Exception {
    List<Layer> layers = List.of(polygons(), points());
    List<TileCoord> tiles = tileList();
    out.println();
    out.printf(
        Locale.ROOT,
        "vector tiles: %d tiles per layer (z12, z14, z16 over the data), median of %d rounds;"
            + " uncached = data version bumped before each round%n",
        tiles.size(),
        ROUNDS);
    out.printf(
        Locale.ROOT,
        "  %-15s %12s %14s %12s %10s%n",
        "layer",
        "bare SQL",
        "uncached HTTP",
        "cached HTTP",
        "bytes/tile");
    double allSql = 0;
    double allHttp = 0;
    double allCached = 0;
    int cachedRequests = 0;
    try (Connection c = database.connection()) {
      for (Layer layer : layers) {
        double[][] sql = new double[tiles.size()][ROUNDS];
        double[][] uncached = new double[tiles.size()][ROUNDS];
        long bytes = 0;
        for (int warm = 0; warm < WARM_UP_ROUNDS; warm++) { // PostGIS, the pool and the JIT
          execute(database, "SELECT bump_layer_version(ARRAY['" + layer.id() + "'])");
          for (TileCoord t : tiles) {
            TileSql.run(c, TileSql.of(layer, null, t));
            for (int i = 0; i < 6; i++) { // one render, then the cached path
              HttpReader.download(tileUrl(base, layer, t));
            }
          }
        }
        for (int round = 0; round < ROUNDS; round++) {
          execute(database, "SELECT bump_layer_version(ARRAY['" + layer.id() + "'])");
          for (int i = 0; i < tiles.size(); i++) {
            TileCoord t = tiles.get(i);
            if (round % 2 == 1) { // every other round the bare SQL goes first
              sql[i][round] = millis(() -> TileSql.run(c, TileSql.of(layer, null, t)));
            }
            long t0 = System.nanoTime();
            bytes += HttpReader.download(tileUrl(base, layer, t));
            uncached[i][round] = (System.nanoTime() - t0) / 1e6;
            if (round % 2 == 0) {
              sql[i][round] = millis(() -> TileSql.run(c, TileSql.of(layer, null, t)));
            }
          }
        }
        long cachedStart = System.nanoTime();
        for (int round = 0; round < CACHED_ROUNDS; round++) {
          for (TileCoord t : tiles) {
            HttpReader.download(tileUrl(base, layer, t));
          }
        }
        double cachedMs = (System.nanoTime() - cachedStart) / 1e6;
        int requests = CACHED_ROUNDS * tiles.size();
        double sqlMs = sumOfMedians(sql, tiles, -1);
        double httpMs = sumOfMedians(uncached, tiles, -1);
        StringBuilder zooms = new StringBuilder();
        for (int z : ZOOMS) {
          zooms.append(
              String.format(
                  Locale.ROOT,
                  "  z%d %.2f",
                  z,
                  sumOfMedians(uncached, tiles, z) / sumOfMedians(sql, tiles, z)));
        }
        out.printf(
            Locale.ROOT,
            "  %-15s %9.2f ms %11.2f ms %9.3f ms %10d%n",
            layer.id(),
            sqlMs / tiles.size(),
            httpMs / tiles.size(),
            cachedMs / requests,
            bytes / ((long) ROUNDS * tiles.size()));
        ratios.add(
            String.format(
                Locale.ROOT,
                "  uncached tile / bare ST_AsMVT SQL, %-15s %5.2f  (by zoom:%s)",
                layer.id(),
                httpMs / sqlMs,
                zooms));
        allSql += sqlMs;
        allHttp += httpMs;
        allCached += cachedMs;
        cachedRequests += requests;
      }
    }
    out.printf(
        Locale.ROOT,
        "  cached tiles: %,.0f tiles/s (one client, one request after the other)%n",
        cachedRequests / (allCached / 1000));
    ratios.add(
        String.format(
            Locale.ROOT,
            "  uncached tile / bare ST_AsMVT SQL, all tiles       %5.2f  (target <= 1.20)",
            allHttp / allSql));
    ratios.add(
        String.format(
            Locale.ROOT,
            "  cached tile speed-up over uncached                 %5.1fx",
            (allHttp / (tiles.size() * layers.size())) / (allCached / cachedRequests)));
  }

  /** Tiles over the data: a block at zoom 12, 14 and 16 around its centre. */
  static List<TileCoord> tileList() {
    List<TileCoord> tiles = new ArrayList<>();
    double lon = (WEST + EAST) / 2;
    double lat = (SOUTH + NORTH) / 2;
    for (int z : ZOOMS) {
      TileCoord centre = TileCoord.containing(lon, lat, z);
      int side = z == 12 ? 2 : 3;
      for (int dx = 0; dx < side; dx++) {
        for (int dy = 0; dy < side; dy++) {
          tiles.add(TileCoord.ofZXY(z, centre.x() + dx, centre.y() + dy));
        }
      }
    }
    return tiles;
  }

  private static String tileUrl(String base, Layer layer, TileCoord t) {
    return base + "/tiles/" + layer.id() + "/" + t + ".mvt";
  }

  private void generate(Database database) throws SQLException {
    String box = "ST_MakeEnvelope(%s, %s, %s, %s, 4326)".formatted(WEST, SOUTH, EAST, NORTH);
    execute(database, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    execute(database, "CREATE SCHEMA " + SCHEMA);
    execute(
        database,
        """
        SELECT setseed(0.42);
        CREATE TABLE %1$s.points (
          id bigint PRIMARY KEY, kind text NOT NULL, path text NOT NULL,
          seen_at timestamptz NOT NULL, geom geometry(Point, 4326) NOT NULL);
        INSERT INTO %1$s.points
        SELECT i, (ARRAY['report', 'visit', 'patrol'])[1 + mod(i, 3)], '/bench/',
               timestamptz '2026-01-01 00:00Z' + i * interval '1 minute',
               ST_SetSRID(ST_MakePoint(%2$s + random() * %3$s, %4$s + random() * %5$s), 4326)
          FROM generate_series(1, %6$d) AS i;
        CREATE INDEX ON %1$s.points USING gist (geom);
        CREATE TABLE %1$s.polygons (
          code text PRIMARY KEY, name text NOT NULL, parent text NOT NULL, path text NOT NULL,
          geom geometry(MultiPolygon, 4326) NOT NULL);
        INSERT INTO %1$s.polygons
        SELECT 'B' || lpad(n::text, 6, '0'), '网格 ' || n, 'B' || lpad((n / 100)::text, 4, '0'),
               '/bench/', ST_Multi(ST_Segmentize(cell, 0.0005))
          FROM (SELECT row_number() OVER () AS n,
                       ST_Intersection((d).geom, %7$s) AS cell
                  FROM (SELECT ST_Dump(ST_VoronoiPolygons(ST_Collect(seed), 0, %7$s)) AS d
                          FROM (SELECT ST_SetSRID(ST_MakePoint(%2$s + random() * %3$s,
                                                               %4$s + random() * %5$s), 4326) AS seed
                                  FROM generate_series(1, %8$d)) AS seeds) AS dumped) AS cells
         WHERE ST_GeometryType(cell) = 'ST_Polygon';
        CREATE INDEX ON %1$s.polygons USING gist (geom);
        ANALYZE %1$s.points;
        ANALYZE %1$s.polygons;
        SELECT bump_layer_version(ARRAY['bench_points', 'bench_polygons']);
        """
            .formatted(SCHEMA, WEST, EAST - WEST, SOUTH, NORTH - SOUTH, POINTS, box, POLYGONS));
  }

  /** Runs once to warm up, then {@code n} times; the median time in seconds. */
  private static double median(int n, Runnable work) {
    work.run();
    double[] times = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      work.run();
      times[i] = seconds(System.nanoTime() - t0);
    }
    Arrays.sort(times);
    return times[n / 2];
  }

  /** A piece of SQL work to time. */
  private interface SqlWork {
    void run() throws SQLException;
  }

  private static double millis(SqlWork work) throws SQLException {
    long t0 = System.nanoTime();
    work.run();
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The sum over the tiles (of zoom {@code z}, or all for -1) of each tile's median time. */
  private static double sumOfMedians(double[][] perTile, List<TileCoord> tiles, int z) {
    double sum = 0;
    for (int i = 0; i < perTile.length; i++) {
      if (z >= 0 && tiles.get(i).z() != z) {
        continue;
      }
      double[] sorted = perTile[i].clone();
      Arrays.sort(sorted);
      sum += sorted[sorted.length / 2];
    }
    return sum;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static void execute(Database database, String sql) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
