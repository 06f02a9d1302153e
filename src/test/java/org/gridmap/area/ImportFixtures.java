package org.gridmap.area;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridmap.testing.TestApp;
import org.gridmap.testing.TestApp.Caller;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/**
 * Building blocks of the import tests: roots to import under (each test its own, far from the demo
 * towns), GeoJSON text, uploads, and reads straight from the imports server's database.
 */
final class ImportFixtures {
  private ImportFixtures() {}

  /**
   * A county-level root with a lon/lat box as boundary, inserted directly when absent (importing
   * roots would replace every other root).
   */
  static void root(
      TestApp app, String code, double minLon, double minLat, double maxLon, double maxLat) {
    sql(
        app,
        "INSERT INTO area (code, name, level, boundary) SELECT ?, ?, 'county',"
            + " ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326))"
            + " WHERE NOT EXISTS (SELECT 1 FROM area WHERE code = ? AND valid_to IS NULL)",
        code,
        code,
        minLon,
        minLat,
        maxLon,
        maxLat,
        code);
  }

  /** POSTs a GeoJSON text to {@code /api/areas/import?<query>}. */
  static HttpResponse<String> importGeoJson(Caller as, String query, String geojson) {
    return as.send(
        "POST",
        "/api/areas/import?" + query,
        "application/geo+json",
        HttpRequest.BodyPublishers.ofString(geojson));
  }

  /** POSTs a file as the {@code file} part of a multipart form. */
  static HttpResponse<String> importMultipart(
      Caller as, String query, String filename, String contentType, byte[] content) {
    String boundary = "gridmap-test-" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail =
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return as.send(
        "POST",
        "/api/areas/import?" + query,
        "multipart/form-data; boundary=" + boundary,
        HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** Metres between two lon/lat points (equirectangular; fine at these distances). */
  static double metres(double lon1, double lat1, double lon2, double lat2) {
    double k = Math.PI / 180 * org.gridmap.geo.Wgs84.EARTH_RADIUS_M;
    double dx = (lon2 - lon1) * k * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    double dy = (lat2 - lat1) * k;
    return Math.hypot(dx, dy);
  }

  static String collection(List<String> features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  static String collection(String... features) {
    return collection(List.of(features));
  }

  /** A FeatureCollection that declares its CRS with a GeoJSON 2008 {@code crs} member. */
  static String collectionIn(String crs, String... features) {
    return "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\""
        + crs
        + "\"}},\"features\":["
        + String.join(",", features)
        + "]}";
  }

  static String feature(String code, String name, String geometryJson) {
    return "{\"type\":\"Feature\",\"properties\":{\"code\":\""
        + code
        + "\",\"name\":\""
        + name
        + "\"},\"geometry\":"
        + geometryJson
        + "}";
  }

  /** A Polygon of the box, counter-clockwise from its south-west corner. */
  static String box(double minX, double minY, double maxX, double maxY) {
    return polygon(minX, minY, maxX, minY, maxX, maxY, minX, maxY);
  }

  /** A Polygon through the given x, y pairs, closed. */
  static String polygon(double... xy) {
    List<String> positions = new ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      positions.add(String.format(Locale.ROOT, "[%s,%s]", xy[i], xy[i + 1]));
    }
    positions.add(String.format(Locale.ROOT, "[%s,%s]", xy[0], xy[1]));
    return "{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", positions) + "]]}";
  }

  /** The current boundary of an area, read from the database (exact, unlike rounded GeoJSON). */
  static Geometry current(TestApp app, String code) {
    List<byte[]> rows =
        query(
            app,
            "SELECT ST_AsBinary(boundary) FROM area WHERE code = ? AND valid_to IS NULL",
            rs -> rs.getBytes(1),
            code);
    if (rows.isEmpty()) {
      throw new AssertionError("no current area " + code);
    }
    try {
      return new WKBReader().read(rows.get(0));
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new AssertionError(e);
    }
  }

  /** The text values of a JSON array. */
  static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** One text field of each object of a JSON array. */
  static List<String> texts(com.fasterxml.jackson.databind.JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  static long count(TestApp app, String sql, Object... params) {
    return query(app, sql, rs -> rs.getLong(1), params).get(0);
  }

  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  static <T> List<T> query(TestApp app, String sql, Row<T> row, Object... params) {
    try (Connection c = DriverManager.getConnection(app.databaseUrl());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  static void sql(TestApp app, String sql, Object... params) {
    try (Connection c = DriverManager.getConnection(app.databaseUrl());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.execute();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
