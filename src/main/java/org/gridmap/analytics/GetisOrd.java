package org.gridmap.analytics;

/**
 * The Getis-Ord Gi* local statistic (Getis and Ord 1992; Ord and Getis 1995) with binary weights:
 * for each cell i, its own value plus those of its neighbours, compared with what the mean of the
 * whole study area would give for that many cells, in standard deviations:
 *
 * <pre>
 *   Gi*(i) = (Σj wij·xj − X̄·Σj wij) / (S·√((n·Σj wij² − (Σj wij)²) / (n − 1)))
 *   X̄ = Σ xj / n      S = √(Σ xj² / n − X̄²)      wij = 1 for j = i and the neighbours of i, else 0
 * </pre>
 *
 * Gi* is itself a z-score (asymptotically standard normal under the null hypothesis of no spatial
 * association), so it is read against the normal quantiles of {@link HotspotClass}. Every cell of
 * the study area counts in n, X̄ and S, including the cells with a zero value; leaving them out
 * would make every cluster look ordinary. Neighbours outside the study area are simply absent (edge
 * cells have a smaller Σ wij, which the formula accounts for). No correction for multiple testing
 * is applied: at 90% confidence about one cell in ten of a random field is flagged.
 */
public final class GetisOrd {
  private GetisOrd() {}

  /**
   * Gi* z-scores of every cell.
   *
   * @param values the value of each cell of the study area, indexed 0..n-1
   * @param neighbours for each cell, the indices of its neighbours (not itself: Gi* adds the cell
   *     itself with weight 1)
   * @return the z-score of each cell; all 0 when every cell has the same value (S = 0) or n < 2
   */
  public static double[] giStar(double[] values, int[][] neighbours) {
    int n = values.length;
    if (neighbours.length != n) {
      throw new IllegalArgumentException("one neighbour list per value is needed");
    }
    double[] z = new double[n];
    if (n < 2) {
      return z;
    }
    double sum = 0;
    double sumSq = 0;
    for (double v : values) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double variance = sumSq / n - mean * mean;
    if (!(variance > 1e-12 * Math.max(1, mean * mean))) {
      return z;
    }
    double s = Math.sqrt(variance);
    for (int i = 0; i < n; i++) {
      double local = values[i];
      for (int j : neighbours[i]) {
        local += values[j];
      }
      double w = 1 + neighbours[i].length; // Σ wij = Σ wij² for binary weights
      double denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
      z[i] = denominator > 0 ? (local - mean * w) / denominator : 0;
    }
    return z;
  }
}
