package org.gridmap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class LocalPlaneTest {
  private static final LocalPlane HESHAN = LocalPlane.centredAt(117.12, 36.67);

  @Test
  void the_origin_is_the_centre() {
    assertEquals(new Coordinate(117.12, 36.67), HESHAN.toLonLat(new Coordinate(0, 0)));
  }

  @Test
  void a_degree_of_latitude_is_about_111_km() {
    assertEquals(111_195, HESHAN.toMetres(new Coordinate(117.12, 37.67)).y, 1);
  }

  @Test
  void a_degree_of_longitude_shrinks_with_the_cosine_of_the_latitude() {
    LocalPlane equator = LocalPlane.centredAt(0, 0);
    LocalPlane sixty = LocalPlane.centredAt(0, 60);
    double atEquator = equator.toMetres(new Coordinate(1, 0)).x;
    assertEquals(atEquator / 2, sixty.toMetres(new Coordinate(1, 60)).x, 1e-6);
  }

  @ParameterizedTest
  @CsvSource({"0,0", "1234.5,-987.6", "-6000,6000"})
  void metres_survive_the_trip_to_lon_lat_and_back_within_a_centimetre(double x, double y) {
    Coordinate back = HESHAN.toMetres(HESHAN.toLonLat(new Coordinate(x, y)));
    assertEquals(x, back.x, 0.01);
    assertEquals(y, back.y, 0.01);
  }

  @Test
  void lon_lat_is_rounded_to_seven_decimals() {
    Coordinate c = HESHAN.toLonLat(new Coordinate(0.123456, 0.0654321));
    assertEquals("117.1200014 36.6700006", c.x + " " + c.y);
  }

  @Test
  void a_square_hundred_metres_wide_measures_a_hectare() throws ParseException {
    Geometry square = new WKTReader().read("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))");
    Geometry there = HESHAN.toLonLat(square);
    assertEquals(4326, there.getSRID());
    assertEquals(10_000, HESHAN.toMetres(there).getArea(), 1);
  }
}
