package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gridmap.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values computed independently: GCJ-02/BD-09 with the npm libraries gcoord 1.0.7 and
 * coordtransform 2.1.2 (which agree to the last digit); Gauss-Krüger and Web Mercator with GDAL's
 * gdaltransform (PROJ) from EPSG:4326.
 */
class CrsTest {
  /** Metres between two lon/lat points (equirectangular; fine at these distances). */
  static double metres(double lon1, double lat1, double lon2, double lat2) {
    double k = Math.PI / 180 * Wgs84.EARTH_RADIUS_M;
    double dx = (lon2 - lon1) * k * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    double dy = (lat2 - lat1) * k;
    return Math.hypot(dx, dy);
  }

  @ParameterizedTest(name = "{0}: ({1}, {2}) -> WGS84 ({3}, {4})")
  @CsvSource({
    "GCJ-02, 117.12613005731995, 36.670441362190864, 117.12, 36.67",
    "GCJ-02, 116.40367162595768, 39.91063350638631, 116.397428, 39.90923",
    "GCJ-02, 121.47822305927693, 31.22845773757727, 121.4737, 31.2304",
    "GCJ-02, 87.61964994946926, 43.82680539311119, 87.6168, 43.8256",
    "BD-09, 117.132515741179, 36.67677168893737, 117.12, 36.67",
    "BD-09, 116.41004410170474, 39.916972856075134, 116.397428, 39.90923",
    "BD-09, 126.65499932897167, 45.76434556386758, 126.6424, 45.7567",
    "EPSG:4527, 39510727.3854972, 4059896.08094612, 117.12, 36.67",
    "EPSG:4527, 39526842.7640123, 4052163.31454366, 117.30, 36.60",
    "EPSG:4549, 534231.974523274, 3993376.68242167, 120.38, 36.07",
    "EPSG:4499, 21533243.9059567, 4629499.95817187, 123.4, 41.8",
    "EPSG:3857, 13037738.7617082, 4393208.32092837, 117.12, 36.67",
    "EPSG:4490, 117.12, 36.67, 117.12, 36.67",
    "EPSG:4326, 117.12, 36.67, 117.12, 36.67"
  })
  void lands_within_half_a_metre_of_the_reference(
      String crs, double x, double y, double lon, double lat) {
    double[] out = new double[2];
    Crs.parse(crs).transformer().apply(x, y, out);
    double error = metres(out[0], out[1], lon, lat);
    assertTrue(error < 0.5, crs + " is off by " + error + " m: " + out[0] + ", " + out[1]);
  }

  @ParameterizedTest
  @CsvSource({"117.12, 36.67", "121.4737, 31.2304", "87.6168, 43.8256", "126.6424, 45.7567"})
  void offsets_round_trip_to_a_millimetre(double lon, double lat) {
    double[] g = ChinaOffsets.wgs84ToGcj02(lon, lat);
    double[] w = ChinaOffsets.gcj02ToWgs84(g[0], g[1]);
    assertTrue(metres(w[0], w[1], lon, lat) < 0.001);
    double[] b = ChinaOffsets.wgs84ToBd09(lon, lat);
    double[] w2 = ChinaOffsets.bd09ToWgs84(b[0], b[1]);
    assertTrue(metres(w2[0], w2[1], lon, lat) < 0.001);
  }

  @Test
  void gcj02_forward_matches_the_reference_libraries() {
    double[] g = ChinaOffsets.wgs84ToGcj02(117.12, 36.67);
    assertEquals(117.12613005731995, g[0], 1e-12);
    assertEquals(36.670441362190864, g[1], 1e-12);
  }

  @Test
  void outside_china_the_offsets_do_not_apply() {
    double[] g = ChinaOffsets.wgs84ToGcj02(2.35, 48.85);
    assertEquals(2.35, g[0]);
    assertEquals(48.85, g[1]);
  }

  @ParameterizedTest
  @CsvSource({
    "EPSG:4326, 181, 10",
    "EPSG:4326, 10, -91",
    "GCJ-02, 200, 36",
    "EPSG:4527, 1000, 4059896",
    "EPSG:4527, 39510727, NaN",
    "EPSG:4549, 99999999, 4063755",
    "EPSG:4549, 242511, 4063755"
  })
  void coordinates_outside_the_crs_range_are_errors_naming_the_point(
      String crs, double x, double y) {
    DomainException e =
        assertThrows(
            DomainException.class, () -> Crs.parse(crs).transformer().apply(x, y, new double[2]));
    assertEquals("coordinate_out_of_range", e.code());
  }

  @ParameterizedTest
  @CsvSource({
    "urn:ogc:def:crs:OGC:1.3:CRS84, EPSG:4326",
    "urn:ogc:def:crs:EPSG::4527, EPSG:4527",
    "http://www.opengis.net/def/crs/EPSG/0/3857, EPSG:3857",
    "epsg:4490, EPSG:4490",
    "gcj02, GCJ-02",
    "BD-09, BD-09"
  })
  void names_in_their_usual_spellings_are_understood(String text, String name) {
    assertEquals(name, Crs.parse(text).name());
  }

  @Test
  void unknown_crs_is_a_clear_error() {
    DomainException e = assertThrows(DomainException.class, () -> Crs.parse("EPSG:999999"));
    assertTrue(e.getMessage().contains("EPSG:999999"));
    assertThrows(DomainException.class, () -> Crs.parse("Mars"));
  }
}
