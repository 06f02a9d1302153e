package org.gridmap.event;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.gridmap.testing.TestDatabase;

/** Points in the demo towns computed by PostGIS, and event JSON for the API. */
final class EventFixtures {
  private EventFixtures() {}

  /** A point inside the current boundary of an area (lon, lat). */
  static double[] interiorPoint(String code) {
    return point(
        "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(boundary) p FROM area"
            + " WHERE code = ? AND valid_to IS NULL) x",
        code);
  }

  /**
   * A vertex of the edge two grids share: the demo grids share edges vertex for vertex, so this
   * coordinate is exactly on the boundary of both (and of any third grid meeting there).
   */
  static double[] sharedVertex(String grid, String neighbour) {
    return point(
        "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_StartPoint(ST_GeometryN(ST_LineMerge("
            + "ST_CollectionExtract(ST_Intersection(a.boundary, b.boundary), 2)), 1)) p"
            + " FROM area a, area b WHERE a.code = ? AND b.code = '"
            + neighbour
            + "' AND a.valid_to IS NULL AND b.valid_to IS NULL) x",
        grid);
  }

  /** The smallest code of the grids that have this exact coordinate among their vertices. */
  static String smallestGridWithVertex(double[] p) {
    return scalar(
        "SELECT min(a.code) FROM area a, ST_DumpPoints(a.boundary) d WHERE a.level = 'grid'"
            + " AND a.valid_to IS NULL AND ST_X(d.geom) = "
            + p[0]
            + " AND ST_Y(d.geom) = "
            + p[1],
        null);
  }

  /** A grid that shares an edge (not just a vertex) with {@code grid}, the smallest such code. */
  static String neighbourAcrossEdge(String grid) {
    return scalar(
        "SELECT b.code FROM area a JOIN area b ON b.level = 'grid' AND b.valid_to IS NULL"
            + " AND b.code <> a.code AND ST_Length(ST_CollectionExtract("
            + "ST_Intersection(a.boundary, b.boundary), 2)) > 0"
            + " WHERE a.code = ? AND a.valid_to IS NULL ORDER BY b.code LIMIT 1",
        grid);
  }

  static long count(String sqlWithOneParam, String param) {
    return Long.parseLong(scalar(sqlWithOneParam, param));
  }

  static String scalar(String sql, String param) {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        ps.setString(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static double[] point(String sql, String param) {
    try (Connection c = DriverManager.getConnection(TestDatabase.url());
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no point for " + param);
        }
        return new double[] {rs.getDouble(1), rs.getDouble(2)};
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** A complete report of the type at (lon, lat) in the crs (null = WGS84). */
  static String report(String type, double lon, double lat, String crs) {
    return String.format(
        Locale.ROOT,
        """
        {"type":"%s","location":{"lon":%.9f,"lat":%.9f%s},"occurredAt":"2026-01-01T09:00:00+08:00",
         "severity":"normal","description":{"what":"楼道堆放杂物","where":"5号楼2单元",
         "who":"两户居民","since":"一周前"}}
        """,
        type,
        lon,
        lat,
        crs == null ? "" : ",\"crs\":\"" + crs + "\"");
  }
}
