package org.gridmap.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.gridmap.db.Database;
import org.gridmap.locate.Boundary;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The PostGIS side of the assignment benchmark, in the scratch schema {@code bench} (dropped and
 * recreated on each run; the area table is not touched): grids and points loaded with COPY as
 * binary-exact EWKB, GiST indexes on both, and the assignment as one plain SQL statement that
 * applies GridMap's tie-break (the smallest code among the grids covering the point).
 */
final class PostgisAssign {
  /** The best plain SQL we know for the job: an index join, parallel workers allowed. */
  static final String ASSIGN =
      """
      CREATE UNLOGGED TABLE bench.assigned AS
      SELECT p.id, min(g.code) AS code
        FROM bench.points p
        JOIN bench.grids g ON ST_Covers(g.geom, p.geom)
       GROUP BY p.id
      """;

  private final Database database;

  PostgisAssign(Database database) {
    this.database = database;
  }

  /** Creates the schema and loads grids and points; not part of the timed assignment. */
  void load(List<Boundary> grids, double[] xy) throws SQLException, IOException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS bench CASCADE");
      s.execute("CREATE SCHEMA bench");
      s.execute(
          "CREATE TABLE bench.grids (code text PRIMARY KEY, geom geometry(MultiPolygon, 4326))");
      s.execute("CREATE TABLE bench.points (id integer PRIMARY KEY, geom geometry(Point, 4326))");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      WKBWriter wkb = new WKBWriter(2, true);
      HexFormat hex = HexFormat.of();
      StringBuilder rows = new StringBuilder();
      for (Boundary g : grids) {
        g.geometry().setSRID(4326);
        rows.append(g.code()).append('\t').append(hex.formatHex(wkb.write(g.geometry())));
        rows.append('\n');
      }
      copy.copyIn("COPY bench.grids (code, geom) FROM STDIN", new StringReader(rows.toString()));
      int n = xy.length / 2;
      int batch = 100_000;
      for (int start = 0; start < n; start += batch) {
        rows.setLength(0);
        for (int i = start; i < Math.min(n, start + batch); i++) {
          rows.append(i).append('\t').append(pointEwkb(hex, xy[2 * i], xy[2 * i + 1]));
          rows.append('\n');
        }
        copy.copyIn("COPY bench.points (id, geom) FROM STDIN", new StringReader(rows.toString()));
      }
      s.execute("CREATE INDEX ON bench.grids USING gist (geom)");
      s.execute("CREATE INDEX ON bench.points USING gist (geom)");
      s.execute("ANALYZE bench.grids");
      s.execute("ANALYZE bench.points");
    }
  }

  /** Hex EWKB of a point with SRID 4326, exact to the last bit of both doubles. */
  private static String pointEwkb(HexFormat hex, double x, double y) {
    byte[] b = new byte[25];
    b[0] = 1; // little endian
    putInt(b, 1, 0x20000001); // point with SRID
    putInt(b, 5, 4326);
    putLong(b, 9, Double.doubleToRawLongBits(x));
    putLong(b, 17, Double.doubleToRawLongBits(y));
    return hex.formatHex(b);
  }

  private static void putInt(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  private static void putLong(byte[] b, int at, long v) {
    for (int i = 0; i < 8; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  /** The plan PostgreSQL picks for the assignment, one line per node. */
  String plan(int workers) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      settings(s, workers);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN (COSTS OFF) " + ASSIGN)) {
        while (rs.next()) {
          plan.append("    ").append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  /** Runs the assignment; returns the seconds it took. */
  double assign(int workers) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      settings(s, workers);
      s.execute("DROP TABLE IF EXISTS bench.assigned");
      long t0 = System.nanoTime();
      s.execute(ASSIGN);
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  private static void settings(Statement s, int workers) throws SQLException {
    s.execute("SET max_parallel_workers_per_gather = " + Math.max(0, workers));
  }

  /** The code PostGIS assigned to each point (null where none). */
  String[] results(int points) throws SQLException {
    String[] codes = new String[points];
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(50_000);
        try (ResultSet rs = s.executeQuery("SELECT id, code FROM bench.assigned")) {
          while (rs.next()) {
            codes[rs.getInt(1)] = rs.getString(2);
          }
        }
      } finally {
        c.commit();
        c.setAutoCommit(true);
      }
    }
    return codes;
  }
}
