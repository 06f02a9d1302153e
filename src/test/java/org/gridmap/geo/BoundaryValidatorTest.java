package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridmap.geo.BoundaryValidator.Checked;
import org.gridmap.geo.BoundaryValidator.Defect;
import org.gridmap.testing.ValidityCases;
import org.gridmap.testing.WktGeoJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Geometry in, defect and location out. The table holds one case per defect; the two suites of
 * validity cases (JTS and Turf) check that every invalid case is refused with a reason and every
 * valid area is accepted exactly as drawn.
 */
class BoundaryValidatorTest {
  private final BoundaryValidator validator = new BoundaryValidator(Crs.WGS84);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Point                 | {"type":"Point","coordinates":[1,2]}                                                          | not_polygon             | 1 2
          no geometry           | null                                                                                          | empty                   |
          empty polygon         | {"type":"Polygon","coordinates":[]}                                                           | empty                   |
          unclosed ring         | {"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}                                  | unclosed_ring           | 0 1
          two points            | {"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}                                        | too_few_points          | 0 0
          bow tie               | {"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}                            | self_intersection       | 1 1
          spike                 | {"type":"Polygon","coordinates":[[[0,0],[4,0],[4,1],[6,1],[4,1],[4,4],[0,4],[0,0]]]}          | spike                   | 6 1
          inverted shell        | {"type":"Polygon","coordinates":[[[1,9],[5,9],[3,5],[7,5],[5,9],[9,9],[9,1],[1,1],[1,9]]]}    | ring_self_touch         | 5 9
          hole outside shell    | {"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]],[[3,3],[4,3],[4,4],[3,3]]]}  | hole_outside_shell      | 3 3
          nested holes          | {"type":"Polygon","coordinates":[[[0,0],[9,0],[9,9],[0,9],[0,0]],[[1,1],[8,1],[8,8],[1,8],[1,1]],[[2,2],[3,2],[3,3],[2,2]]]} | nested_holes | 2 2
          overlapping parts     | {"type":"MultiPolygon","coordinates":[[[[0,0],[2,0],[2,2],[0,2],[0,0]]],[[[1,1],[3,1],[3,3],[1,3],[1,1]]]]} | overlapping_parts |
          parts sharing an edge | {"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[1,0],[2,0],[2,1],[1,1],[1,0]]]]} | adjacent_parts    |
          NaN                   | {"type":"Polygon","coordinates":[[[0,0],[1,NaN],[1,1],[0,0]]]}                                | invalid_coordinate      |
          longitude beyond 180  | {"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]}                                | coordinate_out_of_range |
          text for coordinates  | {"type":"Polygon","coordinates":"soon"}                                                       | malformed_geometry      |
          """)
  void each_defect_is_named_with_its_location(
      String name, String geometry, String defect, String location) {
    Checked checked = validator.check(read(geometry));
    assertFalse(checked.valid(), name);
    assertEquals(defect, checked.findings().get(0).defect().code, checked.findings().toString());
    double[] at = checked.findings().get(0).location();
    if (location == null) {
      return;
    }
    String[] xy = location.split(" ");
    assertNotNull(at, name + " has a location");
    assertArrayEquals(
        new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])}, at, 1e-12, name);
  }

  @Test
  void every_structural_defect_of_a_feature_is_listed_not_only_the_first() {
    Checked checked =
        validator.check(
            read(
                """
                {"type":"MultiPolygon","coordinates":[
                  [[[0,0],[1,0],[1,1],[0,1]]],
                  [[[5,5],[6,6],[5,5]]],
                  [[[10,10],[14,10],[14,11],[16,11],[14,11],[14,14],[10,14],[10,10]]]]}
                """));
    assertEquals(
        List.of(Defect.UNCLOSED_RING, Defect.TOO_FEW_POINTS, Defect.SPIKE),
        checked.findings().stream().map(BoundaryValidator.Finding::defect).toList());
    assertTrue(checked.findings().get(1).message().contains("part 2"));
  }

  @Test
  void a_valid_polygon_becomes_a_multipolygon_with_the_same_coordinates() throws Exception {
    Checked checked =
        validator.check(
            read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}"));
    assertTrue(checked.valid());
    assertEquals(4326, checked.boundary().getSRID());
    assertTrue(
        checked
            .boundary()
            .equalsExact(new WKTReader().read("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)))")));
  }

  @Test
  void coordinates_are_converted_from_the_files_crs_before_checking() {
    BoundaryValidator gk = new BoundaryValidator(Crs.parse("EPSG:4527"));
    Checked checked =
        gk.check(
            read(
                """
                {"type":"Polygon","coordinates":[[[39510727.3854972,4059896.08094612],
                  [39510827.3854972,4059896.08094612],[39510827.3854972,4059996.08094612],
                  [39510727.3854972,4059896.08094612]]]}
                """));
    assertTrue(checked.valid(), checked.findings().toString());
    double[] first = {
      checked.boundary().getCoordinates()[0].x, checked.boundary().getCoordinates()[0].y
    };
    assertTrue(CrsTest.metres(first[0], first[1], 117.12, 36.67) < 0.5);
  }

  static List<ValidityCases.Case> cases() {
    return ValidityCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void the_validity_suites_agree_invalid_refused_and_valid_areas_kept_as_drawn(ValidityCases.Case c)
      throws Exception {
    Checked checked = validator.check(read(c.geometryJson()));
    Geometry expected = c.expectedArea();
    if (expected == null) {
      assertFalse(checked.valid(), c.name() + " must be refused");
      assertFalse(checked.findings().get(0).message().isBlank());
      if (c.valid()) {
        assertTrue(
            Set.of(Defect.NOT_POLYGON, Defect.EMPTY).contains(checked.findings().get(0).defect()),
            "a valid non-area is refused as not an area: " + checked.findings());
      }
    } else {
      assertTrue(checked.valid(), c.name() + ": " + checked.findings());
      assertTrue(
          checked.boundary().equalsExact(expected),
          c.name() + ": stored " + checked.boundary() + " but drawn " + expected);
    }
  }

  /** Reads a geometry through the GeoJSON reader, as an import does. */
  static RawGeometry read(String geometryJson) {
    try {
      Path file = Files.createTempFile("validator", ".geojson");
      try {
        Files.writeString(file, WktGeoJson.featureCollection(geometryJson, "{}"));
        List<SourceFeature> features = new ArrayList<>();
        try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(file)) {
          reader.forEach(features::add, FeatureSource.Progress.NONE);
        }
        assertEquals(1, features.size());
        return features.get(0).geometry();
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void a_checked_boundary_is_null_when_invalid() {
    assertNull(validator.check(read("null")).boundary());
  }
}
