package org.gridmap.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries as GeoJSON (RFC 7946) straight onto a streaming {@link JsonGenerator}, with
 * coordinates rounded to a fixed number of decimals (7 decimals of a degree is about 1 cm). Rings
 * are written as stored; no reorientation.
 */
public final class GeoJsonWriter {

  private final int decimals;

  public GeoJsonWriter(int decimals) {
    if (decimals < 0 || decimals > 15) {
      throw new IllegalArgumentException("precision must be between 0 and 15 decimals");
    }
    this.decimals = decimals;
  }

  public void write(JsonGenerator g, Geometry geometry) throws IOException {
    if (geometry == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("type", geometry.getGeometryType());
    if (geometry instanceof GeometryCollection gc
        && !(geometry instanceof MultiPoint
            || geometry instanceof MultiLineString
            || geometry instanceof MultiPolygon)) {
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        write(g, gc.getGeometryN(i));
      }
      g.writeEndArray();
    } else {
      g.writeFieldName("coordinates");
      writeCoordinates(g, geometry);
    }
    g.writeEndObject();
  }

  private void writeCoordinates(JsonGenerator g, Geometry geometry) throws IOException {
    if (geometry instanceof Point p) {
      if (p.isEmpty()) {
        g.writeStartArray();
        g.writeEndArray();
      } else {
        position(g, p.getCoordinate());
      }
    } else if (geometry instanceof LineString line) {
      positions(g, line.getCoordinates());
    } else if (geometry instanceof Polygon polygon) {
      polygon(g, polygon);
    } else {
      g.writeStartArray();
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        writeCoordinates(g, geometry.getGeometryN(i));
      }
      g.writeEndArray();
    }
  }

  private void polygon(JsonGenerator g, Polygon polygon) throws IOException {
    g.writeStartArray();
    if (!polygon.isEmpty()) {
      positions(g, polygon.getExteriorRing().getCoordinates());
      for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
        positions(g, polygon.getInteriorRingN(i).getCoordinates());
      }
    }
    g.writeEndArray();
  }

  private void positions(JsonGenerator g, Coordinate[] coordinates) throws IOException {
    g.writeStartArray();
    for (Coordinate c : coordinates) {
      position(g, c);
    }
    g.writeEndArray();
  }

  private void position(JsonGenerator g, Coordinate c) throws IOException {
    g.writeStartArray();
    number(g, c.getX());
    number(g, c.getY());
    g.writeEndArray();
  }

  private void number(JsonGenerator g, double value) throws IOException {
    int n = formatFixed(value, decimals, buffer);
    g.writeRawValue(buffer, 0, n);
  }

  private final char[] buffer = new char[40];

  /**
   * Formats {@code value} with at most {@code decimals} decimals, trailing zeros dropped, into
   * {@code out}; returns the length. Faster than {@link String#format} or BigDecimal, and exact for
   * coordinates (|value| well below 2^53 / 10^decimals).
   */
  static int formatFixed(double value, int decimals, char[] out) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("coordinate is not a finite number: " + value);
    }
    long scale = POW10[decimals];
    long units = Math.round(value * scale);
    int pos = 0;
    if (units < 0) {
      out[pos++] = '-';
      units = -units;
    }
    long whole = units / scale;
    long frac = units % scale;
    String w = Long.toString(whole);
    w.getChars(0, w.length(), out, pos);
    pos += w.length();
    if (frac != 0) {
      int digits = decimals;
      while (frac % 10 == 0) {
        frac /= 10;
        digits--;
      }
      out[pos++] = '.';
      for (int i = digits - 1; i >= 0; i--) {
        out[pos + i] = (char) ('0' + (frac % 10));
        frac /= 10;
      }
      pos += digits;
    }
    return pos;
  }

  private static final long[] POW10 = new long[16];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }
}
