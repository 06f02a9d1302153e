package org.gridmap.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws a town's buildings: how many per grid (in proportion to the grid's size), where (evenly in
 * the urban town, in hamlets in the villages), and their households, residents and rental units,
 * apportioned so that the town's totals are exactly the plan's.
 */
final class DemoBuildings {
  private static final double HAMLET_SIGMA_M = 90;

  private DemoBuildings() {}

  /** The town's buildings, ordered by community, grid (code order), then north to south. */
  static List<DemoBuilding> draw(RegisterPlan plan, TownAreas town, SplittableRandom random) {
    List<DemoArea> grids = town.grids();
    double[] sizes = new double[grids.size()];
    for (int g = 0; g < grids.size(); g++) {
      sizes[g] = town.metres(grids.get(g)).getArea() * (0.8 + 0.4 * random.nextDouble());
    }
    int[] perGrid = Apportion.largestRemainder(plan.buildings(), sizes);

    record Site(DemoArea grid, Coordinate metres) {}
    List<Site> sites = new ArrayList<>();
    for (int g = 0; g < grids.size(); g++) {
      DemoArea grid = grids.get(g);
      Polygon shape = town.metres(grid);
      PointSampler sampler = new PointSampler(shape);
      List<Coordinate> hamlets = new ArrayList<>();
      for (int h = 0; h < 1 + perGrid[g] / 150; h++) {
        hamlets.add(sampler.uniform(random));
      }
      List<Coordinate> points = new ArrayList<>();
      for (int i = 0; i < perGrid[g]; i++) {
        points.add(
            plan.clustered()
                ? sampler.around(
                    hamlets.get(random.nextInt(hamlets.size())), HAMLET_SIGMA_M, random)
                : sampler.uniform(random));
      }
      points.sort(Comparator.comparingDouble((Coordinate c) -> -c.y).thenComparingDouble(c -> c.x));
      points.forEach(p -> sites.add(new Site(grid, p)));
    }

    int n = sites.size();
    int[] households = households(plan, n, random);
    double[] residents = new double[n];
    double[] floating = new double[n];
    double[] rental = new double[n];
    for (int i = 0; i < n; i++) {
      residents[i] = households[i] * (2.3 + 0.9 * random.nextDouble());
      double u = random.nextDouble();
      floating[i] = households[i] * u * u;
      rental[i] = households[i] * random.nextDouble();
    }
    int[] registered = Apportion.largestRemainder(plan.registeredResidents(), residents);
    int[] floats = Apportion.largestRemainder(plan.floatingResidents(), floating);
    int[] rentals = Apportion.largestRemainder(plan.rentalUnits(), rental);

    List<DemoBuilding> buildings = new ArrayList<>();
    Map<String, Integer> numberInCommunity = new HashMap<>();
    Map<String, Integer> numberOnStreet = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Site s = sites.get(i);
      DemoArea community = town.parentOf(s.grid());
      String suffix = community.code().substring(community.code().length() - 3);
      int number = numberInCommunity.merge(community.code(), 1, Integer::sum);
      Coordinate lonLat = town.plane().toLonLat(s.metres());
      buildings.add(
          new DemoBuilding(
              plan.prefix() + "-" + suffix + "-" + String.format("%04d", number),
              address(plan, town, s.grid(), community, numberOnStreet),
              lonLat.x,
              lonLat.y,
              households[i],
              registered[i],
              floats[i],
              rentals[i],
              s.grid().code()));
    }
    return buildings;
  }

  /**
   * Households per building: blocks of flats and low houses in town, one to a few households per
   * house in the villages; exactly the plan's total either way.
   */
  private static int[] households(RegisterPlan plan, int n, SplittableRandom random) {
    double[] weights = new double[n];
    if (plan.clustered()) {
      for (int i = 0; i < n; i++) {
        double u = random.nextDouble();
        weights[i] = u * u;
      }
      int[] extra = Apportion.largestRemainder(plan.households() - n, weights);
      for (int i = 0; i < n; i++) {
        extra[i] += 1;
      }
      return extra;
    }
    for (int i = 0; i < n; i++) {
      weights[i] =
          random.nextDouble() < 0.7
              ? 18 + 30 * random.nextDouble() // blocks of flats
              : 4 + 8 * random.nextDouble(); // older low-rise houses
    }
    return Apportion.largestRemainder(plan.households(), weights);
  }

  /** 鹤山镇和平社区建设路12号 in town, 许庄镇李家村128号 in a village. */
  private static String address(
      RegisterPlan plan,
      TownAreas town,
      DemoArea grid,
      DemoArea community,
      Map<String, Integer> numberOnStreet) {
    String prefix = town.town().name() + community.name();
    if (plan.streets().isEmpty()) {
      return prefix + numberOnStreet.merge(community.code(), 1, Integer::sum) + "号";
    }
    int gridNumber = Integer.parseInt(grid.code().substring(grid.code().length() - 3));
    int communityNumber =
        Integer.parseInt(community.code().substring(community.code().length() - 3));
    String street = plan.streets().get((communityNumber * 3 + gridNumber) % plan.streets().size());
    return prefix + street + numberOnStreet.merge(community.code() + street, 1, Integer::sum) + "号";
  }
}
