package org.gridmap.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class HotspotAnalysisTest {
  private final WKTReader wkt = new WKTReader();
  private final CellGrid grid = new CellGrid(0, 10);

  /** The 5 × 5 fixture of {@link GetisOrdTest} as cells (row r is j = 4 − r, column c is i). */
  private Map<Cell, Long> fixtureCounts() {
    Map<Cell, Long> counts = new HashMap<>();
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 5; c++) {
        long v = (long) GetisOrdTest.FIXTURE[r * 5 + c];
        if (v > 0) {
          counts.put(Cell.of(c, 4 - r), v);
        }
      }
    }
    return counts;
  }

  @Test
  void empty_cells_of_the_study_area_count_and_give_the_reference_z_scores() throws ParseException {
    Hotspots h =
        HotspotAnalysis.of(
            grid, fixtureCounts(), wkt.read("POLYGON ((0 0, 50 0, 50 50, 0 50, 0 0))"));
    assertEquals(25, h.studyCells());
    assertEquals(58, h.total());
    assertEquals(2.32, h.mean(), 1e-12);
    Map<Cell, Double> z = new HashMap<>();
    h.cells().forEach(c -> z.put(c.cell(), c.z()));
    assertEquals(GetisOrdTest.REFERENCE_Z[12], z.get(Cell.of(2, 2)), 1e-5);
    assertEquals(GetisOrdTest.REFERENCE_Z[3], z.get(Cell.of(3, 4)), 1e-5);
    // the empty corner (row 0, column 0) is not significant and so not in the answer
    assertEquals(null, z.get(Cell.of(0, 4)));
  }

  @Test
  void cells_with_events_outside_the_study_area_still_join_it() throws ParseException {
    Hotspots h =
        HotspotAnalysis.of(
            grid, Map.of(Cell.of(9, 9), 3L), wkt.read("POLYGON ((0 0, 20 0, 20 20, 0 20, 0 0))"));
    assertEquals(5, h.studyCells());
  }

  @Test
  void an_empty_study_area_answers_no_cells() throws ParseException {
    Hotspots h = HotspotAnalysis.of(grid, Map.of(), wkt.read("POLYGON EMPTY"));
    assertEquals(0, h.studyCells());
    assertEquals(0, h.cells().size());
  }
}
