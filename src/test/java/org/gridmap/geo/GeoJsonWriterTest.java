package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.io.WKTReader;

class GeoJsonWriterTest {

  @ParameterizedTest
  @CsvSource({
    "117.1234567, 7, 117.1234567",
    "117.12345674, 7, 117.1234567",
    "117.12345675, 7, 117.1234568",
    "-0.5, 7, -0.5",
    "-117.1, 7, -117.1",
    "36, 7, 36",
    "0.00000004, 7, 0",
    "0.0000001, 7, 0.0000001",
    "-0.0000001, 7, -0.0000001",
    "179.99999999, 7, 180",
    "12.345, 0, 12",
    "1.05, 1, 1.1"
  })
  void coordinates_are_written_with_fixed_decimals_and_no_trailing_zeros(
      double value, int decimals, String expected) {
    char[] out = new char[40];
    int n = GeoJsonWriter.formatFixed(value, decimals, out);
    assertEquals(expected, new String(out, 0, n));
  }

  @Test
  void non_finite_coordinates_are_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> GeoJsonWriter.formatFixed(Double.NaN, 7, new char[40]));
  }

  @Test
  void polygon_with_hole_is_written_as_geojson_lon_lat() throws Exception {
    assertEquals(
        "{\"type\":\"Polygon\",\"coordinates\":[[[117,36],[118,36],[118,37],[117,36]],"
            + "[[117.5,36.1],[117.6,36.1],[117.6,36.2],[117.5,36.1]]]}",
        write(
            "POLYGON((117 36, 118 36, 118 37, 117 36), (117.5 36.1, 117.6 36.1, 117.6 36.2, 117.5 36.1))"));
  }

  @Test
  void multipolygon_and_point_and_collection() throws Exception {
    assertEquals(
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}",
        write("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))"));
    assertEquals("{\"type\":\"Point\",\"coordinates\":[117.1,36.2]}", write("POINT(117.1 36.2)"));
    assertEquals(
        "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]}]}",
        write("GEOMETRYCOLLECTION(POINT(1 2))"));
  }

  private static String write(String wkt)
      throws IOException, org.locationtech.jts.io.ParseException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      new GeoJsonWriter(7).write(g, new WKTReader().read(wkt));
    }
    return out.toString();
  }
}
