package org.gridmap.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;

/**
 * Groups the grid cells of a town into communities (or villages): a few rounds of k-means on the
 * grid seeds from randomly chosen starting seeds, then each grid goes to the nearest centre. Few
 * rounds on purpose: full convergence would give every community nearly the same number of grids,
 * which real towns do not have.
 */
final class CommunityGrouping {
  private static final int KMEANS_ROUNDS = 2;

  private CommunityGrouping() {}

  /**
   * Returns the community index of every grid, or empty when this draw broke a rule: a community
   * with too few or too many grids, or one whose grids do not form a single edge-connected piece.
   */
  static Optional<int[]> group(TownTiling tiling, TownPlan plan, SplittableRandom random) {
    List<Coordinate> seeds = tiling.seeds();
    int k = plan.communities().size();
    Coordinate[] centres = startingCentres(seeds, k, random);
    int[] owner = assign(seeds, centres);
    for (int round = 0; round < KMEANS_ROUNDS; round++) {
      centres = means(seeds, owner, centres);
      owner = assign(seeds, centres);
    }
    int[] count = new int[k];
    for (int o : owner) {
      count[o]++;
    }
    for (int c = 0; c < k; c++) {
      if (count[c] < plan.minGridsPerCommunity()
          || count[c] > plan.maxGridsPerCommunity()
          || !connected(tiling, owner, c, count[c])) {
        return Optional.empty();
      }
    }
    return Optional.of(owner);
  }

  private static Coordinate[] startingCentres(
      List<Coordinate> seeds, int k, SplittableRandom random) {
    int[] order = new int[seeds.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Coordinate[] centres = new Coordinate[k];
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(order.length - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
      centres[i] = seeds.get(order[i]);
    }
    return centres;
  }

  private static int[] assign(List<Coordinate> seeds, Coordinate[] centres) {
    int[] owner = new int[seeds.size()];
    for (int i = 0; i < owner.length; i++) {
      Coordinate s = seeds.get(i);
      for (int c = 1; c < centres.length; c++) {
        if (s.distance(centres[c]) < s.distance(centres[owner[i]])) {
          owner[i] = c;
        }
      }
    }
    return owner;
  }

  private static Coordinate[] means(List<Coordinate> seeds, int[] owner, Coordinate[] previous) {
    double[] x = new double[previous.length];
    double[] y = new double[previous.length];
    int[] n = new int[previous.length];
    for (int i = 0; i < owner.length; i++) {
      x[owner[i]] += seeds.get(i).x;
      y[owner[i]] += seeds.get(i).y;
      n[owner[i]]++;
    }
    Coordinate[] centres = new Coordinate[previous.length];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = n[c] == 0 ? previous[c] : new Coordinate(x[c] / n[c], y[c] / n[c]);
    }
    return centres;
  }

  /** Whether the grids of community {@code c} reach each other across shared edges. */
  private static boolean connected(TownTiling tiling, int[] owner, int c, int size) {
    int start = 0;
    while (owner[start] != c) {
      start++;
    }
    boolean[] seen = new boolean[owner.length];
    Deque<Integer> queue = new ArrayDeque<>(List.of(start));
    seen[start] = true;
    int reached = 0;
    while (!queue.isEmpty()) {
      int g = queue.poll();
      reached++;
      for (int n : tiling.neighbours().get(g)) {
        if (owner[n] == c && !seen[n]) {
          seen[n] = true;
          queue.add(n);
        }
      }
    }
    return reached == size;
  }

  /** The grid indices of each community, in grid index order. */
  static List<List<Integer>> members(int[] owner, int communities) {
    List<List<Integer>> result = new ArrayList<>();
    for (int c = 0; c < communities; c++) {
      result.add(new ArrayList<>());
    }
    for (int i = 0; i < owner.length; i++) {
      result.get(owner[i]).add(i);
    }
    return result;
  }
}
