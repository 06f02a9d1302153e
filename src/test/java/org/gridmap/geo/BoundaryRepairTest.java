package org.gridmap.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gridmap.geo.BoundaryRepair.Repaired;
import org.gridmap.geo.BoundaryValidator.Checked;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/** Broken boundary in, repaired WKT and the change of area out. */
class BoundaryRepairTest {
  private final BoundaryValidator validator = new BoundaryValidator(Crs.WGS84);
  private final BoundaryRepair repair = new BoundaryRepair(1.0);

  private Repaired repaired(String geometryJson) {
    Checked checked = validator.check(BoundaryValidatorTest.read(geometryJson));
    assertFalse(checked.valid());
    assertTrue(checked.repairable(), checked.findings().toString());
    return repair.repair(checked.lonLat());
  }

  @Test
  void a_spike_is_cut_off_without_changing_the_area() throws Exception {
    Repaired r =
        repaired(
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.04,0],[0.04,0.01],[0.06,0.01],[0.04,0.01],[0.04,0.04],[0,0.04],[0,0]]]}");
    assertTrue(r.accepted());
    assertEquals(0, r.changePercent(), 1e-9);
    assertTrue(r.boundary().isValid());
    assertTrue(
        r.boundary()
            .equalsTopo(
                new WKTReader().read("MULTIPOLYGON (((0 0, 0.04 0, 0.04 0.04, 0 0.04, 0 0)))")));
  }

  @Test
  void an_unclosed_ring_is_closed() {
    Repaired r =
        repaired("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.01,0],[0.01,0.01],[0,0.01]]]}");
    assertTrue(r.accepted());
    assertEquals(4, r.boundary().getNumPoints() - 1);
    assertEquals(r.areaBeforeM2(), r.areaAfterM2(), 1e-6);
  }

  @Test
  void parts_overlapping_by_a_sliver_are_merged_and_the_change_reported() {
    Repaired r =
        repaired(
            """
            {"type":"MultiPolygon","coordinates":[
              [[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]],
              [[[0.00999,0],[0.02,0],[0.02,0.01],[0.00999,0.01],[0.00999,0]]]]}
            """);
    assertTrue(r.accepted(), "0.05 % is within 1 %");
    assertEquals(0.05, r.changePercent(), 0.001);
    assertTrue(r.areaAfterM2() < r.areaBeforeM2());
    assertEquals(1, r.boundary().getNumGeometries());
  }

  @Test
  void a_figure_eight_is_refused_because_its_drawn_area_is_not_what_it_means() {
    Repaired r =
        repaired(
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.01,0.01],[0.01,0],[0,0.01],[0,0]]]}");
    assertFalse(r.accepted());
    assertEquals(2, r.boundary().getNumGeometries(), "both lobes are kept, not one");
  }

  @Test
  void a_ring_collapsed_to_a_line_leaves_nothing() {
    Repaired r = repaired("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,0]]]}");
    assertFalse(r.accepted());
    assertNull(r.boundary());
  }

  @Test
  void the_threshold_is_the_callers() {
    String overlap =
        """
        {"type":"MultiPolygon","coordinates":[
          [[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]],
          [[[0.009,0],[0.02,0],[0.02,0.01],[0.009,0.01],[0.009,0]]]]}
        """;
    Checked checked = validator.check(BoundaryValidatorTest.read(overlap));
    assertFalse(new BoundaryRepair(1.0).repair(checked.lonLat()).accepted(), "5 % > 1 %");
    assertTrue(new BoundaryRepair(10.0).repair(checked.lonLat()).accepted(), "5 % <= 10 %");
  }
}
