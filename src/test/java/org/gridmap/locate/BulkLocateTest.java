package org.gridmap.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gridmap.error.DomainException;
import org.gridmap.geo.ChinaOffsets;
import org.gridmap.geo.Crs;
import org.gridmap.geo.Wgs84;
import org.gridmap.http.Json;
import org.gridmap.locate.BulkLocate.Format;
import org.gridmap.locate.BulkLocate.OnError;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Bulk assignment on two squares side by side, town T > community C > grids G1 | G2. */
class BulkLocateTest {
  static final GridIndex INDEX = index();
  static final BulkLocate BULK = new BulkLocate(() -> INDEX, Json.mapper());

  static GridIndex index() {
    WKTReader wkt = new WKTReader(Wgs84.FACTORY);
    try {
      return GridIndex.build(
          new BoundarySet(
              1,
              List.of("town", "community", "grid"),
              List.of(
                  new Boundary(
                      "T",
                      "Town",
                      "town",
                      null,
                      wkt.read("POLYGON ((117 36, 117.02 36, 117.02 36.01, 117 36.01, 117 36))")),
                  new Boundary(
                      "C",
                      "Community",
                      "community",
                      "T",
                      wkt.read("POLYGON ((117 36, 117.02 36, 117.02 36.01, 117 36.01, 117 36))")),
                  new Boundary(
                      "G1",
                      "West, \"1\"",
                      "grid",
                      "C",
                      wkt.read("POLYGON ((117 36, 117.01 36, 117.01 36.01, 117 36.01, 117 36))")),
                  new Boundary(
                      "G2",
                      "East",
                      "grid",
                      "C",
                      wkt.read(
                          "POLYGON ((117.01 36, 117.02 36, 117.02 36.01, 117.01 36.01, 117.01 36))")))));
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  static String run(String input, Format format, String lon, String lat, Crs crs, OnError onError)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BULK.run(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        out,
        new BulkLocate.Options(format, lon, lat, crs, onError, 5),
        null);
    return out.toString(StandardCharsets.UTF_8);
  }

  static String csv(String input) throws IOException {
    return run(input, Format.CSV, null, null, Crs.WGS84, OnError.REJECT);
  }

  @Test
  void csv_rows_pass_through_unchanged_with_the_grid_columns_appended() throws IOException {
    String out = csv("id,\"note\",lon,lat\n\"007\",\"a, b\",117.005,36.005\n8,x,117.015,36.005\n");
    assertEquals(
        "id,\"note\",lon,lat,town_code,community_code,grid_code,grid_name,ambiguous,distance_m\n"
            + "\"007\",\"a, b\",117.005,36.005,T,C,G1,\"West, \"\"1\"\"\",false,449.77\n"
            + "8,x,117.015,36.005,T,C,G2,East,false,449.77\n",
        out);
  }

  @Test
  void a_bom_and_crlf_input_keeps_both_in_the_output() throws IOException {
    String out = csv("\uFEFFLongitude,Latitude\r\n117.005,36.005\r\n");
    assertTrue(out.startsWith("\uFEFFLongitude,Latitude,town_code"), out);
    assertTrue(out.endsWith("G1,\"West, \"\"1\"\"\",false,449.77\r\n"), out);
  }

  @Test
  void a_point_on_the_shared_edge_goes_to_the_smaller_code_and_is_ambiguous() throws IOException {
    String out = csv("lon,lat\n117.01,36.005\n");
    assertTrue(out.endsWith("117.01,36.005,T,C,G1,\"West, \"\"1\"\"\",true,0.00\n"), out);
  }

  @Test
  void a_point_outside_has_empty_grid_columns_and_the_distance_to_the_nearest_grid()
      throws IOException {
    String out = csv("lon,lat\n117.03,36.005\n");
    assertTrue(out.endsWith("117.03,36.005,,,,,false,899.53\n"), out);
  }

  @Test
  void a_bad_row_rejects_the_file_naming_its_line() {
    DomainException e =
        assertThrows(DomainException.class, () -> csv("lon,lat\n117.005,36.005\n\nabc,36\n"));
    assertEquals("Line 4: 'abc' in column 'lon' is not a number", e.getMessage());
    DomainException range = assertThrows(DomainException.class, () -> csv("lon,lat\n200,36\n"));
    assertTrue(range.getMessage().startsWith("Line 2: "), range.getMessage());
    DomainException missing = assertThrows(DomainException.class, () -> csv("lon,lat\n117\n"));
    assertEquals("Line 2: no value in column 'lat'", missing.getMessage());
  }

  @Test
  void with_on_error_mark_bad_rows_are_kept_and_marked() throws IOException {
    String out =
        run("lon,lat\nabc,36\n117.015,36.005\n", Format.CSV, null, null, Crs.WGS84, OnError.MARK);
    assertEquals(
        "lon,lat,town_code,community_code,grid_code,grid_name,ambiguous,distance_m,error\n"
            + "abc,36,,,,,,,Line 2: 'abc' in column 'lon' is not a number\n"
            + "117.015,36.005,T,C,G2,East,false,449.77,\n",
        out);
  }

  @Test
  void named_columns_and_a_crs_are_used() throws IOException {
    double[] gcj = ChinaOffsets.wgs84ToGcj02(117.015, 36.005);
    String out =
        run(
            "y_gcj,x_gcj\n" + gcj[1] + "," + gcj[0] + "\n",
            Format.CSV,
            "x_gcj",
            "y_gcj",
            Crs.parse("GCJ-02"),
            OnError.REJECT);
    assertTrue(out.contains(",T,C,G2,East,"), out);
  }

  @Test
  void a_missing_coordinate_column_names_the_parameter() {
    DomainException e = assertThrows(DomainException.class, () -> csv("a,b\n1,2\n"));
    assertTrue(e.getMessage().startsWith("Parameter 'lonField'"), e.getMessage());
  }

  @Test
  void geojson_features_get_the_grid_properties_and_keep_everything_else() throws IOException {
    String in =
        """
        {"type":"FeatureCollection","name":"reports","features":[
          {"type":"Feature","id":7,"properties":{"kind":"hazard"},
           "geometry":{"type":"Point","coordinates":[117.015,36.005]}},
          {"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[118,36]}}
        ]}
        """;
    JsonNode out =
        new ObjectMapper().readTree(run(in, Format.GEOJSON, null, null, Crs.WGS84, OnError.REJECT));
    assertEquals("reports", out.get("name").asText());
    JsonNode first = out.get("features").get(0);
    assertEquals(7, first.get("id").asInt());
    assertEquals("hazard", first.get("properties").get("kind").asText());
    assertEquals("G2", first.get("properties").get("grid_code").asText());
    assertEquals("C", first.get("properties").get("community_code").asText());
    assertEquals(449.77, first.get("properties").get("distance_m").asDouble());
    JsonNode second = out.get("features").get(1).get("properties");
    assertTrue(second.get("grid_code").isNull());
    assertTrue(second.get("distance_m").asDouble() > 80_000);
  }

  @Test
  void a_geojson_feature_without_a_point_names_its_line() {
    String in =
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}]}";
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> run(in, Format.GEOJSON, null, null, Crs.WGS84, OnError.REJECT));
    assertEquals("Line 2: feature 1 has no Point geometry with two numbers", e.getMessage());
  }

  @Test
  void an_object_that_is_not_a_feature_collection_is_refused() {
    assertThrows(
        DomainException.class,
        () -> run("{}", Format.GEOJSON, null, null, Crs.WGS84, OnError.REJECT));
  }
}
