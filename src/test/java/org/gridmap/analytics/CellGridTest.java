package org.gridmap.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridmap.geo.WebMercator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class CellGridTest {
  private final WKTReader wkt = new WKTReader();

  @ParameterizedTest(name = "zoom {0}: {1} m")
  @CsvSource({"0, 2504688.5428", "12, 611.4962", "14, 152.8741", "22, 0.5972"})
  void a_cell_is_16_pixels_of_its_zoom(int zoom, double metres) {
    assertEquals(metres, CellGrid.ofZoom(zoom).size(), 1e-4);
  }

  @Test
  void the_cells_of_a_zoom_are_the_map_tiles_four_zooms_deeper() {
    // tile x of zoom 18 at lon 117.12: floor((lon + 180) / 360 * 2^18)
    CellGrid grid = CellGrid.ofZoom(14);
    Cell cell = grid.cellAt(117.12, 36.67);
    int tileX = (int) Math.floor((117.12 + 180) / 360 * (1 << 18));
    assertEquals(tileX - (1 << 17), cell.i());
  }

  @Test
  void a_cell_of_the_next_zoom_lies_in_one_cell_of_this_zoom() {
    CellGrid coarse = CellGrid.ofZoom(13);
    CellGrid fine = CellGrid.ofZoom(14);
    Cell f = fine.cellAt(117.1234, 36.6789);
    Cell c = coarse.cellAt(117.1234, 36.6789);
    assertEquals(Math.floorDiv(f.i(), 2), c.i());
    assertEquals(Math.floorDiv(f.j(), 2), c.j());
  }

  @Test
  void a_point_on_a_cell_edge_belongs_to_the_cell_east_and_north_of_it() {
    CellGrid grid = CellGrid.ofZoom(10);
    assertEquals(Cell.of(3, -2), grid.cellAtXY(3 * grid.size(), -2 * grid.size()));
  }

  @Test
  void a_cell_ring_goes_round_its_square_counter_clockwise_and_contains_its_centre() {
    CellGrid grid = CellGrid.ofZoom(14);
    Cell cell = grid.cellAt(117.12, 36.67);
    double[][] ring = grid.ring(cell);
    assertEquals(5, ring.length);
    double[] centre = grid.centre(cell);
    assertTrue(ring[0][0] < centre[0] && centre[0] < ring[1][0]);
    assertTrue(ring[0][1] < centre[1] && centre[1] < ring[2][1]);
    assertEquals(cell, grid.cellAt(centre[0], centre[1]));
  }

  @Test
  void cells_with_centre_in_a_square_are_the_cells_it_covers() throws ParseException {
    CellGrid grid = new CellGrid(0, 10);
    // 0..40 × 0..30: centres 5, 15, 25, 35 × 5, 15, 25 → 12 cells
    List<Cell> cells = grid.cellsWithCentreIn(wkt.read("POLYGON ((0 0, 40 0, 40 30, 0 30, 0 0))"));
    assertEquals(12, cells.size());
    assertEquals(12, new HashSet<>(cells).size());
    assertTrue(cells.contains(Cell.of(3, 2)));
  }

  @Test
  void cells_with_centre_in_a_hole_are_left_out() throws ParseException {
    CellGrid grid = new CellGrid(0, 10);
    Set<Cell> cells =
        new HashSet<>(
            grid.cellsWithCentreIn(
                wkt.read(
                    "POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (12 12, 18 12, 18 18, 12 18, 12 12))")));
    assertEquals(8, cells.size());
    assertTrue(!cells.contains(Cell.of(1, 1)));
  }

  @Test
  void a_triangle_takes_the_cells_whose_centres_are_below_its_diagonal() throws ParseException {
    CellGrid grid = new CellGrid(0, 10);
    Set<Cell> cells =
        new HashSet<>(grid.cellsWithCentreIn(wkt.read("POLYGON ((0 0, 30 0, 0 30, 0 0))")));
    // centres (5,5), (15,5), (5,15) lie below x + y = 30; (25,5), (15,15), (5,25) lie on it or
    // above
    assertTrue(cells.containsAll(Set.of(Cell.of(0, 0), Cell.of(1, 0), Cell.of(0, 1))));
    assertTrue(cells.size() <= 6);
  }

  @Test
  void a_negative_cell_index_is_floored_not_truncated() {
    CellGrid grid = CellGrid.ofZoom(10);
    assertEquals(Cell.of(-1, -1), grid.cellAtXY(-0.001, -0.001));
  }

  @Test
  void lon_lat_go_to_mercator_and_back() {
    double x = WebMercator.x(117.12);
    double y = WebMercator.y(36.67);
    assertEquals(117.12, WebMercator.lon(x), 1e-12);
    assertEquals(36.67, WebMercator.lat(y), 1e-12);
  }
}
