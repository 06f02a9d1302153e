package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.io.WKTReader;

/**
 * Reference areas from PostGIS 3.3 {@code ST_Area(geography)} (GeographicLib on the WGS84
 * spheroid); for boxes along meridians and parallels both follow the same edges, so they agree to
 * the last digits.
 */
class SquareMetresTest {

  @ParameterizedTest
  @CsvSource({
    "'POLYGON((117.1 36.6,117.2 36.6,117.2 36.7,117.1 36.7,117.1 36.6))', 99228105.99155426",
    "'POLYGON((-122.46 37.71,-122.455 37.71,-122.455 37.715,-122.46 37.715,-122.46 37.71))', 244663.79781913757"
  })
  void boxes_along_meridians_and_parallels_measure_as_in_postgis(String wkt, double postgis)
      throws Exception {
    assertEquals(postgis, SquareMetres.of(new WKTReader().read(wkt)), postgis * 1e-7);
  }

  @Test
  void a_diagonal_edge_differs_from_the_geodesic_by_a_few_parts_in_a_hundred_thousand()
      throws Exception {
    double postgis = 122336.00889778137;
    double area =
        SquareMetres.of(
            new WKTReader()
                .read("POLYGON((-122.46 37.71,-122.455 37.71,-122.46 37.715,-122.46 37.71))"));
    assertEquals(postgis, area, postgis * 5e-5);
  }

  @Test
  void holes_are_subtracted_and_parts_added() throws Exception {
    WKTReader r = new WKTReader();
    double outer = SquareMetres.of(r.read("POLYGON((0 0,1 0,1 1,0 1,0 0))"));
    double inner =
        SquareMetres.of(r.read("POLYGON((0.25 0.25,0.75 0.25,0.75 0.75,0.25 0.75,0.25 0.25))"));
    assertEquals(
        outer - inner,
        SquareMetres.of(
            r.read(
                "POLYGON((0 0,1 0,1 1,0 1,0 0),(0.25 0.25,0.25 0.75,0.75 0.75,0.75 0.25,0.25 0.25))")),
        1e-3);
    assertEquals(
        outer + inner,
        SquareMetres.of(
            r.read(
                "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((2.25 0.25,2.75 0.25,2.75 0.75,2.25 0.75,2.25 0.25)))")),
        1e-3);
  }

  @Test
  void a_ring_measures_the_same_open_or_closed_and_either_way_round() {
    double[] closed = {0, 0, 0.01, 0, 0.01, 0.01, 0, 0.01, 0, 0};
    double[] openReversed = {0, 0, 0, 0.01, 0.01, 0.01, 0.01, 0};
    assertEquals(SquareMetres.ofRing(closed), SquareMetres.ofRing(openReversed), 1e-6);
    // a²(1 − e²)·(0.01°)², the area element of the ellipsoid at the equator
    assertEquals(1_230_907.0, SquareMetres.ofRing(closed), 0.5);
  }
}
