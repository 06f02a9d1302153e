package org.gridmap.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridmap.geo.ChinaOffsets;
import org.gridmap.geo.Crs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildingFileTest {
  private static final String HEADER =
      "id,address,lon,lat,households,registered_residents,floating_residents,rental_units\n";
  private static final String GOOD = "B-1,和平路1号,117.12,36.67,10,25,3,2\n";

  private static BuildingFile.Parsed csv(String text, Crs crs) {
    return BuildingFile.read(text, BuildingFile.Format.CSV, crs, ImportProgress.NONE);
  }

  @Test
  void a_good_row_becomes_a_building_with_its_counts() {
    BuildingFile.Parsed p = csv(HEADER + GOOD, Crs.WGS84);
    assertEquals(List.of(), p.problems());
    BuildingDraft b = p.rows().get(0).building();
    assertEquals("line 2", p.rows().get(0).where());
    assertEquals(List.of("B-1", "和平路1号"), List.of(b.ref(), b.address()));
    assertEquals(117.12, b.lon());
    assertEquals(36.67, b.lat());
    assertEquals(new HouseholdCounts(10, 25, 3, 2), b.counts());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "latitude beyond the pole | B-2,和平路2号,117.12,95,10,25,3,2 | lon/lat",
        "coordinate not a number  | B-2,和平路2号,117.12,north,10,25,3,2 | lat",
        "missing households       | B-2,和平路2号,117.12,36.67,,25,3,2 | households",
        "negative rental units    | B-2,和平路2号,117.12,36.67,10,25,3,-1 | rental_units",
        "fractional residents     | B-2,和平路2号,117.12,36.67,10,2.5,3,2 | registered_residents",
        "missing address          | B-2,,117.12,36.67,10,25,3,2 | address",
        "duplicate id             | B-1,和平路2号,117.12,36.67,10,25,3,2 | id",
        "id with spaces           | B 2,和平路2号,117.12,36.67,10,25,3,2 | id"
      })
  void a_bad_row_is_named_with_its_line_and_field(String why, String row, String field) {
    BuildingFile.Parsed p = csv(HEADER + GOOD + row + "\n", Crs.WGS84);
    assertEquals(1, p.problems().size(), p.problems().toString());
    assertEquals("line 3", p.problems().get(0).where(), why);
    assertEquals(field, p.problems().get(0).field(), why);
    assertEquals(1, p.rows().size());
  }

  @Test
  void a_row_with_too_few_fields_is_named() {
    BuildingFile.Parsed p = csv(HEADER + "B-3,短行,117.1\n", Crs.WGS84);
    assertEquals("line 2", p.problems().get(0).where());
    assertTrue(p.problems().get(0).message().contains("has 3 fields"));
  }

  @Test
  void missing_columns_are_named_in_the_header() {
    BuildingFile.Parsed p = csv("id,address,x,y,households\nB-1,a,1,2,3\n", Crs.WGS84);
    assertEquals(
        List.of("registered_residents", "floating_residents", "rental_units"),
        p.problems().stream().map(ImportProblem::field).toList());
    assertTrue(p.problems().stream().allMatch(q -> q.where().equals("header")));
  }

  @Test
  void other_columns_are_ignored_and_listed() {
    BuildingFile.Parsed p =
        csv(HEADER.replace("\n", ",owner_name\n") + GOOD.replace("\n", ",张三\n"), Crs.WGS84);
    assertEquals(List.of(), p.problems());
    assertEquals(List.of("owner_name"), p.ignored());
  }

  @Test
  void gcj02_coordinates_are_stored_as_wgs84() {
    double[] gcj = ChinaOffsets.wgs84ToGcj02(117.12, 36.67);
    String row = "B-1,和平路1号," + gcj[0] + "," + gcj[1] + ",10,25,3,2\n";
    BuildingDraft b = csv(HEADER + row, Crs.parse("GCJ-02")).rows().get(0).building();
    assertEquals(117.12, b.lon(), 1e-6);
    assertEquals(36.67, b.lat(), 1e-6);
  }

  @Test
  void a_wkt_footprint_column_is_read_and_checked() {
    String header = HEADER.replace("\n", ",footprint\n");
    BuildingFile.Parsed ok =
        csv(
            header
                + GOOD.replace(
                    "\n", ",\"POLYGON ((117.1 36.6, 117.2 36.6, 117.2 36.7, 117.1 36.6))\"\n"),
            Crs.WGS84);
    assertEquals(List.of(), ok.problems());
    assertNotNull(ok.rows().get(0).building().footprint());
    BuildingFile.Parsed bowtie =
        csv(header + GOOD.replace("\n", ",\"POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))\"\n"), Crs.WGS84);
    assertEquals("footprint", bowtie.problems().get(0).field());
  }

  @Test
  void geojson_features_are_named_by_index_and_polygons_give_a_footprint() {
    String text =
        """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","id":"B-1","properties":{"address":"一号楼","households":4,
            "registered_residents":9,"floating_residents":0,"rental_units":1},
           "geometry":{"type":"Polygon","coordinates":[[[117.1,36.6],[117.2,36.6],[117.2,36.7],[117.1,36.6]]]}},
          {"type":"Feature","properties":{"id":"B-2","address":"二号楼","households":4,
            "registered_residents":9,"floating_residents":0},
           "geometry":{"type":"Point","coordinates":[117.1,36.65]}},
          {"type":"Feature","properties":{"id":"B-3","address":"三号楼","households":4,
            "registered_residents":9,"floating_residents":0,"rental_units":0},
           "geometry":{"type":"LineString","coordinates":[[117.1,36.65],[117.2,36.65]]}}
        ]}
        """;
    BuildingFile.Parsed p =
        BuildingFile.read(text, BuildingFile.Format.GEOJSON, Crs.WGS84, ImportProgress.NONE);
    assertEquals(
        List.of(
            "features[1] 'rental_units': is missing",
            "features[2] 'geometry': must be a Point, Polygon or MultiPolygon, not LineString"),
        p.problems().stream().map(ImportProblem::toString).toList());
    BuildingDraft first = p.rows().get(0).building();
    assertEquals("B-1", first.ref());
    assertNotNull(first.footprint());
    assertTrue(
        first
            .footprint()
            .contains(
                first
                    .footprint()
                    .getFactory()
                    .createPoint(
                        new org.locationtech.jts.geom.Coordinate(first.lon(), first.lat()))));
  }

  @Test
  void the_format_follows_the_parameter_then_the_content_type_then_the_text() {
    assertEquals(BuildingFile.Format.CSV, BuildingFile.Format.of("csv", "application/json", "{"));
    assertEquals(
        BuildingFile.Format.GEOJSON, BuildingFile.Format.of(null, "application/geo+json", "id"));
    assertEquals(BuildingFile.Format.CSV, BuildingFile.Format.of(null, "text/csv", "{"));
    assertEquals(BuildingFile.Format.GEOJSON, BuildingFile.Format.of(null, null, "  {\"type\""));
    assertEquals(BuildingFile.Format.CSV, BuildingFile.Format.of(null, null, "id,address"));
  }

  @Test
  void a_building_without_a_footprint_keeps_none() {
    assertNull(csv(HEADER + GOOD, Crs.WGS84).rows().get(0).building().footprint());
  }
}
