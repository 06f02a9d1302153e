package org.gridmap.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Gi* against an independent reference and against chance.
 *
 * <p>The reference z-scores of the 5 × 5 fixture were computed by {@code
 * src/test/resources/analytics/gi_star_reference.py} with numpy, from a dense queen-contiguity
 * weight matrix built from cell coordinates and the matrix form of Ord and Getis (1995), not from
 * this code. One of them by hand, the centre cell: its 3 × 3 block sums to 50; n = 25, Σx = 58, X̄
 * = 2.32, Σx² = 380, S = √(380/25 − 2.32²) = 3.13330; Σw = Σw² = 9, so the denominator is S·√((25·9
 * − 81)/24) = 3.13330·√6 = 7.67497 and z = (50 − 2.32·9)/7.67497 = 3.79414.
 */
class GetisOrdTest {
  static final double[] FIXTURE = {
    0, 1, 0, 2, 0, //
    1, 3, 2, 0, 0, //
    0, 8, 9, 7, 1, //
    0, 6, 10, 5, 0, //
    1, 0, 2, 0, 0
  };

  static final double[] REFERENCE_Z = {
    -0.730142, -1.013343, -0.866906, -1.452654, -1.241923, //
    -0.134722, 0.406515, 1.448860, 0.015635, -0.574033, //
    0.597463, 2.360913, 3.794138, 1.709447, -0.134722, //
    0.158152, 1.970033, 3.403258, 1.709447, -0.134722, //
    -0.388954, 0.743899, 1.329647, 0.451026, -0.730142
  };

  /** Queen neighbours (not the cell itself) of a rows × columns raster, row-major. */
  static int[][] queen(int rows, int columns) {
    int[][] neighbours = new int[rows * columns][];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        List<Integer> list = new ArrayList<>();
        for (int dr = -1; dr <= 1; dr++) {
          for (int dc = -1; dc <= 1; dc++) {
            int rr = r + dr;
            int cc = c + dc;
            if ((dr != 0 || dc != 0) && rr >= 0 && rr < rows && cc >= 0 && cc < columns) {
              list.add(rr * columns + cc);
            }
          }
        }
        neighbours[r * columns + c] = list.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    return neighbours;
  }

  @Test
  void z_scores_of_the_fixture_match_the_numpy_reference() {
    assertArrayEquals(REFERENCE_Z, GetisOrd.giStar(FIXTURE, queen(5, 5)), 1e-5);
  }

  @Test
  void the_centre_of_the_fixture_is_a_hot_spot_at_99_percent_and_its_corner_is_not() {
    double[] z = GetisOrd.giStar(FIXTURE, queen(5, 5));
    assertEquals(HotspotClass.HOT_99, HotspotClass.ofZ(z[12]));
    assertEquals(HotspotClass.HOT_95, HotspotClass.ofZ(z[11]));
    assertEquals(HotspotClass.NOT_SIGNIFICANT, HotspotClass.ofZ(z[0]));
  }

  @Test
  void a_constant_field_has_no_hot_or_cold_spots() {
    double[] same = new double[25];
    java.util.Arrays.fill(same, 4);
    assertArrayEquals(new double[25], GetisOrd.giStar(same, queen(5, 5)));
  }

  @Test
  void adding_a_constant_or_scaling_the_values_leaves_the_z_scores_unchanged() {
    double[] shifted = FIXTURE.clone();
    for (int k = 0; k < shifted.length; k++) {
      shifted[k] = 3 * shifted[k] + 7;
    }
    assertArrayEquals(
        GetisOrd.giStar(FIXTURE, queen(5, 5)), GetisOrd.giStar(shifted, queen(5, 5)), 1e-9);
  }

  /**
   * 1,000 events dropped uniformly at random on a 40 × 40 raster, 20 seeds: the share of cells
   * flagged at 90% confidence must be near the nominal 10%. Neighbouring Gi* values overlap, so one
   * field's share scatters more than independent tests would; the mean over the seeds must lie in
   * 7–13% and no single field may exceed 20%. Likewise about 5% at 95% and 1% at 99%.
   */
  @Test
  void a_uniform_random_field_flags_cells_at_about_the_nominal_rate() {
    int rows = 40;
    int columns = 40;
    int[][] neighbours = queen(rows, columns);
    double at90 = 0;
    double at95 = 0;
    double at99 = 0;
    int seeds = 20;
    for (int seed = 1; seed <= seeds; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] counts = new double[rows * columns];
      for (int e = 0; e < 1_000 * 16; e++) {
        counts[random.nextInt(counts.length)]++;
      }
      double[] z = GetisOrd.giStar(counts, neighbours);
      int n90 = 0;
      int n95 = 0;
      int n99 = 0;
      for (double v : z) {
        n90 += Math.abs(v) >= 1.645 ? 1 : 0;
        n95 += Math.abs(v) >= 1.960 ? 1 : 0;
        n99 += Math.abs(v) >= 2.576 ? 1 : 0;
      }
      double share = n90 / (double) z.length;
      assertTrue(share <= 0.20, "seed " + seed + ": " + share + " of the cells flagged at 90%");
      at90 += share / seeds;
      at95 += n95 / (double) z.length / seeds;
      at99 += n99 / (double) z.length / seeds;
    }
    System.out.printf(
        "uniform field: %.3f at 90%%, %.3f at 95%%, %.3f at 99%%%n", at90, at95, at99);
    assertTrue(at90 >= 0.07 && at90 <= 0.13, "mean share at 90%: " + at90);
    assertTrue(at95 >= 0.03 && at95 <= 0.07, "mean share at 95%: " + at95);
    assertTrue(at99 <= 0.02, "mean share at 99%: " + at99);
  }
}
