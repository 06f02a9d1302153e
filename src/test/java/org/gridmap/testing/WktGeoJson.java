package org.gridmap.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns WKT into GeoJSON text token by token, without building a geometry, so that what JTS would
 * refuse to build (an unclosed ring, a ring of two points, NaN) reaches the file as written.
 * Coordinates are multiplied by a power of two, which is exact in binary floating point and so
 * keeps every touch, crossing and collinearity of the original.
 */
public final class WktGeoJson {
  private final List<String> tokens = new ArrayList<>();
  private final double scale;
  private int next;

  private WktGeoJson(String wkt, double scale) {
    this.scale = scale;
    String spaced = wkt.replace("(", " ( ").replace(")", " ) ").replace(",", " , ");
    for (String t : spaced.trim().split("\\s+")) {
      tokens.add(t);
    }
  }

  /** A GeoJSON geometry object for the WKT, coordinates times {@code scale}. */
  public static String geometry(String wkt, double scale) {
    WktGeoJson w = new WktGeoJson(wkt, scale);
    String type = w.tokens.get(w.next++).toUpperCase(Locale.ROOT);
    String name =
        switch (type) {
          case "POINT" -> "Point";
          case "LINESTRING", "LINEARRING" -> "LineString";
          case "POLYGON" -> "Polygon";
          case "MULTIPOINT" -> "MultiPoint";
          case "MULTILINESTRING" -> "MultiLineString";
          case "MULTIPOLYGON" -> "MultiPolygon";
          default -> throw new IllegalArgumentException("unsupported WKT type " + type);
        };
    String coordinates = w.value();
    if (name.equals("Point") && coordinates.startsWith("[[")) {
      coordinates = coordinates.substring(1, coordinates.length() - 1);
    }
    return "{\"type\":\"" + name + "\",\"coordinates\":" + coordinates + "}";
  }

  /** A FeatureCollection of one feature with this geometry and these properties (JSON text). */
  public static String featureCollection(String geometryJson, String propertiesJson) {
    return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
        + propertiesJson
        + ",\"geometry\":"
        + geometryJson
        + "}]}";
  }

  private String value() {
    String t = tokens.get(next++);
    if (t.equalsIgnoreCase("EMPTY")) {
      return "[]";
    }
    if (!t.equals("(")) {
      throw new IllegalArgumentException("expected ( at token " + next + ": " + t);
    }
    List<String> items = new ArrayList<>();
    while (true) {
      String peek = tokens.get(next);
      if (peek.equals("(") || peek.equalsIgnoreCase("EMPTY")) {
        items.add(value());
      } else {
        items.add(position());
      }
      String sep = tokens.get(next++);
      if (sep.equals(")")) {
        return "[" + String.join(",", items) + "]";
      }
      if (!sep.equals(",")) {
        throw new IllegalArgumentException("expected , or ) but found " + sep);
      }
    }
  }

  private String position() {
    List<String> numbers = new ArrayList<>();
    while (!tokens.get(next).equals(",") && !tokens.get(next).equals(")")) {
      numbers.add(number(tokens.get(next++)));
    }
    return "[" + String.join(",", numbers) + "]";
  }

  private String number(String token) {
    double v = Double.parseDouble(token) * scale;
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
