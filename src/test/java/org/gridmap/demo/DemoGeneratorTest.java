package org.gridmap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridmap.area.NewArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class DemoGeneratorTest {
  private static final String HESHAN = "370112101";
  private static final String XUZHUANG = "370112102";
  private static final List<DemoArea> AREAS = DemoGenerator.generate();
  private static final Map<String, DemoArea> BY_CODE =
      AREAS.stream().collect(Collectors.toMap(DemoArea::code, a -> a));

  @Test
  void heshan_has_seven_communities_and_68_grids() {
    List<DemoArea> communities = children(HESHAN);
    assertEquals(7, communities.size());
    assertEquals(68, grids(HESHAN).size());
    List<Integer> counts = communities.stream().map(c -> children(c.code()).size()).toList();
    assertTrue(counts.stream().allMatch(n -> n >= 6 && n <= 14), counts.toString());
    assertFalse(counts.stream().distinct().count() == 1, "counts should be uneven: " + counts);
  }

  @Test
  void xuzhuang_has_fourteen_villages_each_with_one_to_three_grids() {
    List<DemoArea> villages = children(XUZHUANG);
    assertEquals(14, villages.size());
    for (DemoArea v : villages) {
      int grids = children(v.code()).size();
      assertTrue(grids >= 1 && grids <= 3, v.code() + " has " + grids + " grids");
    }
  }

  @Test
  void levels_and_kinds_follow_town_community_grid() {
    for (DemoArea a : AREAS) {
      switch (a.level()) {
        case "town" -> assertEquals("town", a.kind());
        case "community" -> {
          assertEquals("town", BY_CODE.get(a.parentCode()).level());
          assertEquals(a.parentCode().equals(HESHAN) ? "urban_community" : "village", a.kind());
        }
        case "grid" -> assertEquals("community", BY_CODE.get(a.parentCode()).level());
        default -> throw new AssertionError("unexpected level " + a.level());
      }
    }
  }

  @Test
  void codes_are_unique_and_parents_exist() {
    assertEquals(AREAS.size(), BY_CODE.size());
    Set<String> seen = new HashSet<>();
    for (DemoArea a : AREAS) {
      if (a.level().equals("town")) {
        assertNull(a.parentCode());
        assertEquals(9, a.code().length());
      } else {
        assertTrue(seen.contains(a.parentCode()), a.code() + " comes before its parent");
        assertEquals(a.parentCode().length() + 3, a.code().length());
        assertTrue(a.code().startsWith(a.parentCode()), a.code());
      }
      seen.add(a.code());
    }
  }

  @Test
  void codes_and_names_read_like_real_ones() {
    assertEquals("和平社区", BY_CODE.get("370112101001").name());
    assertEquals("许庄村", BY_CODE.get("370112102201").name());
    assertTrue(BY_CODE.containsKey("370112102214"));
    DemoArea grid = BY_CODE.get("370112101001001");
    assertEquals("和平社区第一网格", grid.name());
    assertEquals("Heping Community Grid 1", grid.nameEn());
  }

  @Test
  void every_boundary_is_a_valid_multipolygon_in_wgs84() {
    for (DemoArea a : AREAS) {
      assertEquals("MultiPolygon", a.boundary().getGeometryType(), a.code());
      assertEquals(4326, a.boundary().getSRID(), a.code());
      assertTrue(a.boundary().isValid(), a.code() + " is invalid");
    }
  }

  @Test
  void exterior_rings_run_counter_clockwise_as_rfc_7946_asks() {
    for (DemoArea a : AREAS) {
      Polygon p = (Polygon) a.boundary().getGeometryN(0);
      assertTrue(Orientation.isCCW(p.getExteriorRing().getCoordinates()), a.code());
    }
  }

  @Test
  void coordinates_are_rounded_to_seven_decimals() {
    for (DemoArea a : AREAS) {
      for (Coordinate c : a.boundary().getCoordinates()) {
        assertEquals(LocalPlane.round7(c.x), c.x, 0.0, a.code());
        assertEquals(LocalPlane.round7(c.y), c.y, 0.0, a.code());
      }
    }
  }

  @Test
  void towns_have_their_planned_size_and_do_not_overlap() {
    assertEquals(9.7, squareKm(BY_CODE.get(HESHAN)), 2.0);
    assertEquals(95, squareKm(BY_CODE.get(XUZHUANG)), 25);
    double meanGrid = squareKm(BY_CODE.get(HESHAN)) / 68;
    assertTrue(meanGrid > 0.1 && meanGrid < 0.2, "mean Heshan grid " + meanGrid + " km²");
    assertFalse(BY_CODE.get(HESHAN).boundary().intersects(BY_CODE.get(XUZHUANG).boundary()));
  }

  @ParameterizedTest
  @ValueSource(strings = {HESHAN, XUZHUANG})
  void grids_of_a_town_tile_it_without_gaps_or_overlaps(String town) {
    assertTiles(BY_CODE.get(town), grids(town));
  }

  static Stream<String> parents() {
    return AREAS.stream().filter(a -> !a.level().equals("grid")).map(DemoArea::code);
  }

  @ParameterizedTest
  @MethodSource("parents")
  void children_tile_their_parent_without_gaps_or_overlaps(String parent) {
    assertTiles(BY_CODE.get(parent), children(parent));
  }

  @ParameterizedTest
  @ValueSource(strings = {HESHAN, XUZHUANG})
  void grids_of_a_town_form_a_coverage_that_jts_accepts(String town) {
    Geometry[] grids = grids(town).stream().map(DemoArea::boundary).toArray(Geometry[]::new);
    assertTrue(CoverageValidator.isValid(grids), "misaligned or overlapping grid edges");
  }

  @ParameterizedTest
  @ValueSource(strings = {HESHAN, XUZHUANG})
  void neighbouring_grids_share_exact_vertices(String town) {
    List<MultiPolygon> grids = boundaries(grids(town));
    assertTrue(TilingChecks.mostPartsAtOneVertex(grids) >= 3, "no vertex where three grids meet");
    assertEquals(List.of(), TilingChecks.tJunctions(grids), "vertices missing on a neighbour");
  }

  @ParameterizedTest
  @MethodSource("parents")
  void parent_boundaries_run_through_exactly_the_grid_vertices(String parent) {
    DemoArea p = BY_CODE.get(parent);
    List<DemoArea> grids = p.level().equals("town") ? grids(parent) : children(parent);
    assertEquals(List.of(), TilingChecks.unsharedBoundaryVertices(p.boundary(), boundaries(grids)));
  }

  @Test
  void generator_is_deterministic(@TempDir Path dir) throws IOException {
    DemoGenerator.main(new String[] {dir.resolve("a.geojson").toString()});
    DemoGenerator.main(new String[] {dir.resolve("b.geojson").toString()});
    assertEquals(-1L, Files.mismatch(dir.resolve("a.geojson"), dir.resolve("b.geojson")));
    assertEquals(
        DemoGeoJson.featureCollection(AREAS),
        Files.readString(dir.resolve("a.geojson"), StandardCharsets.UTF_8));
  }

  @Test
  void committed_geojson_matches_generator() throws IOException {
    String committed = Files.readString(DemoGenerator.DEFAULT_OUTPUT, StandardCharsets.UTF_8);
    assertTrue(
        committed.equals(DemoGeoJson.featureCollection(AREAS)),
        "geodata/demo-areas.geojson differs from the generator; regenerate it with"
            + " `bin/gridmap generate-demo`, do not edit it by hand");
  }

  @Test
  void geojson_has_one_feature_per_line() throws IOException {
    List<String> lines = DemoGeoJson.featureCollection(AREAS).lines().toList();
    assertEquals(AREAS.size() + 2, lines.size());
    assertEquals("{\"type\":\"FeatureCollection\",\"features\":[", lines.get(0));
    assertTrue(lines.get(1).startsWith("{\"type\":\"Feature\",\"id\":\"370112101\","));
    assertTrue(lines.get(1).contains("\"parent\":null"));
    assertEquals("]}", lines.get(lines.size() - 1));
    new ObjectMapper().readTree(DemoGeoJson.featureCollection(AREAS));
  }

  @Test
  void demo_loader_reads_back_exactly_what_the_generator_wrote() {
    List<NewArea> loaded = new DemoLoader(null, new ObjectMapper()).readAreas();
    assertEquals(AREAS.size(), loaded.size());
    for (int i = 0; i < AREAS.size(); i++) {
      DemoArea a = AREAS.get(i);
      NewArea l = loaded.get(i);
      assertEquals(
          List.of(a.code(), a.name(), a.nameEn(), a.level(), a.kind()),
          List.of(l.code(), l.name(), l.nameEn(), l.level(), l.kind()));
      assertEquals(a.parentCode(), l.parentCode());
      assertTrue(a.boundary().equalsExact(l.boundary()), a.code() + " changed on the way");
    }
  }

  private static void assertTiles(DemoArea whole, List<DemoArea> parts) {
    double gap = TilingChecks.gapM2(whole.boundary(), boundaries(parts));
    assertTrue(gap < 1.0, "parts differ from " + whole.code() + " by " + gap + " m²");
    double overlap = TilingChecks.overlapM2(whole.boundary(), boundaries(parts));
    assertTrue(overlap < 1.0, "parts of " + whole.code() + " overlap by " + overlap + " m²");
  }

  private static List<MultiPolygon> boundaries(List<DemoArea> areas) {
    return areas.stream().map(DemoArea::boundary).toList();
  }

  private static double squareKm(DemoArea a) {
    return planeOf(a).toMetres(a.boundary()).getArea() / 1e6;
  }

  private static LocalPlane planeOf(DemoArea a) {
    Coordinate centre = a.boundary().getEnvelopeInternal().centre();
    return LocalPlane.centredAt(centre.x, centre.y);
  }

  private static List<DemoArea> children(String parent) {
    return AREAS.stream().filter(a -> parent.equals(a.parentCode())).toList();
  }

  private static List<DemoArea> grids(String town) {
    return AREAS.stream()
        .filter(a -> a.level().equals("grid") && a.code().startsWith(town))
        .toList();
  }
}
