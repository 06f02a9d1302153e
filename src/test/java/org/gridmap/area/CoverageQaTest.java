package org.gridmap.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridmap.area.Coverage.Finding;
import org.gridmap.area.Coverage.Kind;
import org.gridmap.geo.SquareMetres;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Parent and children in WKT; the gaps, overlaps and spill come back as WKT with their areas. */
class CoverageQaTest {
  private final CoverageQa qa = new CoverageQa(1.0);
  private static final String PARENT = "POLYGON ((0 0, 0.02 0, 0.02 0.01, 0 0.01, 0 0))";

  @Test
  void children_that_tile_the_parent_leave_nothing() {
    Coverage c =
        qa.check(
            "P",
            wkt(PARENT),
            List.of(
                child("A", "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0))"),
                child("B", "POLYGON ((0.01 0, 0.02 0, 0.02 0.01, 0.01 0.01, 0.01 0))")));
    assertEquals(List.of(), c.findings());
    assertEquals(100, c.summary().coveredPercent(), 1e-9);
    assertEquals(0, c.summary().gaps().count() + c.summary().gaps().slivers());
    assertEquals(2, c.summary().children());
  }

  @Test
  void a_strip_between_two_children_is_one_gap_bordered_by_both() {
    Coverage c =
        qa.check(
            "P",
            wkt(PARENT),
            List.of(
                child("A", "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0))"),
                child("B", "POLYGON ((0.011 0, 0.02 0, 0.02 0.01, 0.011 0.01, 0.011 0))")));
    Finding gap = only(c, Kind.GAP);
    assertTrue(
        gap.geometry()
            .equalsTopo(wkt("POLYGON ((0.01 0, 0.011 0, 0.011 0.01, 0.01 0.01, 0.01 0))")));
    assertEquals(List.of("A", "B"), gap.codes());
    double strip = SquareMetres.of(gap.geometry());
    assertEquals(strip, gap.areaM2(), 1e-6);
    assertEquals(strip, c.summary().gaps().areaM2(), 1e-6);
    assertEquals(95, c.summary().coveredPercent(), 1e-6);
  }

  @Test
  void two_children_overlapping_and_one_spilling_are_each_listed() {
    Coverage c =
        qa.check(
            "P",
            wkt(PARENT),
            List.of(
                child("A", "POLYGON ((0 0, 0.0105 0, 0.0105 0.01, 0 0.01, 0 0))"),
                child("B", "POLYGON ((0.01 0, 0.021 0, 0.021 0.01, 0.01 0.01, 0.01 0))")));
    Finding overlap = only(c, Kind.OVERLAP);
    assertEquals(List.of("A", "B"), overlap.codes());
    assertTrue(
        overlap
            .geometry()
            .equalsTopo(wkt("POLYGON ((0.01 0, 0.0105 0, 0.0105 0.01, 0.01 0.01, 0.01 0))")));
    Finding spill = only(c, Kind.SPILL);
    assertEquals(List.of("B"), spill.codes());
    assertTrue(
        spill
            .geometry()
            .equalsTopo(wkt("POLYGON ((0.02 0, 0.021 0, 0.021 0.01, 0.02 0.01, 0.02 0))")));
    assertEquals(0, c.summary().gaps().count());
    assertEquals(100, c.summary().coveredPercent(), 1e-9);
  }

  @Test
  void slivers_under_the_tolerance_are_counted_not_listed() {
    Coverage c =
        qa.check(
            "P",
            wkt(PARENT),
            List.of(
                child("A", "POLYGON ((0 0, 0.01 0, 0.01 0.01, 0 0.01, 0 0))"),
                child(
                    "B",
                    "POLYGON ((0.0100000001 0, 0.02 0, 0.02 0.01, 0.0100000001 0.01, 0.0100000001 0))")));
    assertEquals(List.of(), c.findings());
    assertEquals(0, c.summary().gaps().count());
    assertEquals(1, c.summary().gaps().slivers());
    assertTrue(c.summary().gaps().sliverAreaM2() > 0 && c.summary().gaps().sliverAreaM2() < 1);
  }

  @Test
  void an_area_without_children_is_one_gap() {
    Coverage c = qa.check("P", wkt(PARENT), List.of());
    Finding gap = only(c, Kind.GAP);
    assertTrue(gap.geometry().equalsTopo(wkt(PARENT)));
    assertEquals(0, c.summary().coveredPercent(), 1e-9);
  }

  @Test
  void summaries_of_several_parents_add_up() {
    Coverage.Summary one = qa.check("P", wkt(PARENT), List.of(child("A", PARENT))).summary();
    Coverage.Summary none = qa.check("Q", wkt(PARENT), List.of()).summary();
    Coverage.Summary both = one.plus(none);
    assertEquals(2, both.parents());
    assertEquals(50, both.coveredPercent(), 1e-9);
    assertEquals(1, both.gaps().count());
  }

  private static Finding only(Coverage c, Kind kind) {
    List<Finding> found = c.findings().stream().filter(f -> f.kind() == kind).toList();
    assertEquals(1, found.size(), c.findings().toString());
    return found.get(0);
  }

  private static CoverageQa.Child child(String code, String wkt) {
    return new CoverageQa.Child(code, wkt(wkt));
  }

  private static Geometry wkt(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
