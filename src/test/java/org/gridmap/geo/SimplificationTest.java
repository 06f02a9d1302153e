package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class SimplificationTest {
  private final WKTReader wkt = new WKTReader(Wgs84.FACTORY);

  @ParameterizedTest
  @CsvSource({"0, 78271.5", "8, 305.7", "14, 4.78", "18, 0.2986"})
  void zoom_tolerance_is_half_a_pixel_at_the_equator(int zoom, double metres) {
    assertEquals(metres, Simplification.forZoom(zoom).toleranceMetres(), metres * 1e-3);
  }

  @Test
  void a_vertex_closer_to_the_edge_than_the_tolerance_goes_and_the_type_stays()
      throws ParseException {
    // a square with one vertex 1.1 m (1e-5 degrees) off its western edge
    Geometry square =
        wkt.read(
            "MULTIPOLYGON (((0 0, 0 0.0005, -0.00001 0.001, 0 0.0015, 0 0.002,"
                + " 0.002 0.002, 0.002 0, 0 0)))");
    Geometry simplified = Simplification.ofMetres(5).apply(square);
    assertEquals(
        wkt.read("MULTIPOLYGON (((0 0, 0 0.002, 0.002 0.002, 0.002 0, 0 0)))").norm(),
        simplified.norm());
  }

  @Test
  void a_vertex_further_than_the_tolerance_stays() throws ParseException {
    Geometry notch = wkt.read("POLYGON ((0 0, -0.001 0.001, 0 0.002, 0.002 0.002, 0.002 0, 0 0))");
    assertEquals(6, Simplification.ofMetres(5).apply(notch).getNumPoints());
  }

  @Test
  void simplification_keeps_rings_valid_however_coarse() throws ParseException {
    Geometry ring = wkt.read("POLYGON ((0 0, 0 1, 0.5 1.01, 1 1, 1 0, 0.5 -0.01, 0 0))");
    Geometry simplified = Simplification.ofMetres(100_000).apply(ring);
    assertTrue(simplified.isValid());
    assertTrue(simplified.getArea() > 0);
  }

  @Test
  void points_and_no_tolerance_leave_the_geometry_as_it_is() throws ParseException {
    Geometry point = wkt.read("POINT (117.1 36.6)");
    assertSame(point, Simplification.ofMetres(1000).apply(point));
    Geometry square = wkt.read("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))");
    assertSame(square, Simplification.NONE.apply(square));
  }

  @Test
  void negative_tolerances_and_zoom_beyond_24_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> Simplification.ofMetres(-1));
    assertThrows(IllegalArgumentException.class, () -> Simplification.forZoom(25));
  }
}
