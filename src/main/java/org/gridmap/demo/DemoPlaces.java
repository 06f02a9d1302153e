package org.gridmap.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;

/**
 * Draws a town's key places: the plan's number per category, each in a random grid, named after its
 * community, with four weeks of inspections. All are inspected on time except the plan's number of
 * overdue ones (one of them never inspected); one fuel station's latest inspection found a hazard.
 */
final class DemoPlaces {
  private static final Map<String, String> SUFFIX =
      Map.of(
          "school", "小学",
          "kindergarten", "幼儿园",
          "market", "农贸市场",
          "fuel_station", "加油站",
          "hazardous_chemicals", "化工仓储站",
          "elderly_care", "敬老院",
          "hotel", "宾馆",
          "medical", "卫生服务站");
  private static final List<String> FACTORIES = List.of("机械厂", "纺织厂", "食品厂", "建材厂", "家具厂");
  private static final List<String> GATHERINGS = List.of("文化广场", "综合超市", "体育馆", "影剧院", "便民服务中心");
  private static final String HAZARD = "消防通道堆放杂物，灭火器压力不足";

  private DemoPlaces() {}

  /** The town's places in plan order, not yet with their inspector (see {@link DemoRegisters}). */
  static List<DemoPlace> draw(RegisterPlan plan, TownAreas town, SplittableRandom random) {
    List<DemoPlace> places = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int total = plan.keyPlaces();
    Set<Integer> overdue = new HashSet<>();
    while (overdue.size() < plan.overduePlaces()) {
      overdue.add(random.nextInt(total));
    }
    int neverInspected = overdue.stream().mapToInt(Integer::intValue).min().orElse(-1);
    int index = 0;
    boolean hazardGiven = false;
    for (var entry : plan.placesByCategory().entrySet()) {
      String category = entry.getKey();
      for (int k = 0; k < entry.getValue(); k++, index++) {
        DemoArea grid = town.grids().get(random.nextInt(town.grids().size()));
        DemoArea community = town.parentOf(grid);
        Coordinate at = town.plane().toLonLat(new PointSampler(town.metres(grid)).uniform(random));
        int days = category.equals("factory") || category.equals("hotel") ? 14 : 7;
        List<Integer> inspected = new ArrayList<>();
        if (overdue.contains(index) && index != neverInspected) {
          int first = days + 2 + random.nextInt(4);
          for (int w = 0; w < 3; w++) {
            inspected.add(first + w * days);
          }
        } else if (!overdue.contains(index)) {
          int first = 1 + random.nextInt(5);
          for (int w = 0; w < 4 && first + w * days <= 30; w++) {
            inspected.add(first + w * days);
          }
        }
        boolean hazard = !hazardGiven && category.equals("fuel_station") && !inspected.isEmpty();
        hazardGiven |= hazard;
        String name = name(category, community, k, names);
        places.add(
            new DemoPlace(
                plan.prefix() + "-P" + String.format("%02d", index + 1),
                category,
                name,
                town.town().name() + community.name() + name,
                at.x,
                at.y,
                days,
                List.copyOf(inspected),
                null,
                hazard ? HAZARD : "",
                grid.code()));
      }
    }
    return places;
  }

  /** 和平小学, 李家村农贸市场 → 李家农贸市场; a second one in the same place gets 第二. */
  private static String name(String category, DemoArea community, int k, Set<String> used) {
    String suffix =
        switch (category) {
          case "factory" -> FACTORIES.get(k % FACTORIES.size());
          case "gathering_place" -> GATHERINGS.get(k % GATHERINGS.size());
          default -> SUFFIX.get(category);
        };
    String base = TownAreas.shortName(community) + suffix;
    String name = base;
    for (int n = 2; !used.add(name); n++) {
      name = TownAreas.shortName(community) + "第" + ChineseNumeral.of(n) + suffix;
    }
    return name;
  }
}
