package org.gridmap.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws Xuzhuang's two illegal-construction surveys ("no group missed in any village, no household
 * missed in any group"). The first, finished, visited every building village by village; a handful
 * had imperfect procedures and were rectified. The second runs: 60 % of the buildings are visited,
 * the villages the team reached first all of them, the last ones none.
 */
final class DemoSurvey {
  static final DemoCampaign FIRST = new DemoCampaign("1", "违法建设逐户排查（第一轮）", "370112102", -240, -121);
  static final DemoCampaign SECOND = new DemoCampaign("2", "违法建设逐户排查（第二轮）", "370112102", -40, 49);

  /** How many buildings of the first campaign had imperfect procedures and were rectified. */
  static final int RECTIFIED = 6;

  private DemoSurvey() {}

  static List<DemoCampaign> campaigns() {
    return List.of(FIRST, SECOND);
  }

  /** The changes of both campaigns: by campaign, building (file order), then time. */
  static List<DemoChange> draw(
      List<DemoBuilding> buildings,
      TownAreas town,
      Map<String, String> workerByGrid,
      SplittableRandom random) {
    List<DemoArea> villages = new ArrayList<>(town.communities());
    for (int i = villages.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      villages.set(j, villages.set(i, villages.get(j)));
    }
    List<String> order = villages.stream().map(DemoArea::code).toList();
    List<DemoChange> changes = new ArrayList<>(first(buildings, order, workerByGrid, random));
    changes.addAll(second(buildings, order, workerByGrid, random));
    return changes;
  }

  private static List<DemoChange> first(
      List<DemoBuilding> buildings,
      List<String> villageOrder,
      Map<String, String> workerByGrid,
      SplittableRandom random) {
    Set<Integer> rectified = new HashSet<>();
    while (rectified.size() < RECTIFIED) {
      rectified.add(random.nextInt(buildings.size()));
    }
    List<DemoChange> changes = new ArrayList<>();
    for (int i = 0; i < buildings.size(); i++) {
      DemoBuilding b = buildings.get(i);
      String who = workerByGrid.get(b.gridCode());
      int day = 2 + 6 * villageOrder.indexOf(village(b)) + random.nextInt(11);
      String id = FIRST.id();
      if (rectified.contains(i)) {
        int square = 10 + random.nextInt(40);
        changes.add(
            change(
                id,
                b,
                day,
                "imperfect_procedures",
                who,
                "院内加建彩钢棚约" + square + "平方米，未办理规划审批手续",
                random));
        int notice = day + 2 + random.nextInt(4);
        changes.add(change(id, b, notice, "under_rectification", who, "已下发限期整改通知书", random));
        int done = Math.min(day + 15 + random.nextInt(10), 118);
        changes.add(
            change(
                id,
                b,
                done,
                "rectified",
                who,
                random.nextBoolean() ? "已自行拆除加建部分，经复查合格" : "已补办规划审批手续，经复查合格",
                random));
      } else if (random.nextDouble() < 0.04) {
        changes.add(change(id, b, day, "registered", who, "户主不在家，已登记待复核", random));
        changes.add(change(id, b, day + 1 + random.nextInt(5), "compliant", who, "", random));
      } else {
        changes.add(change(id, b, day, "compliant", who, "", random));
      }
    }
    return changes;
  }

  private static List<DemoChange> second(
      List<DemoBuilding> buildings,
      List<String> villageOrder,
      Map<String, String> workerByGrid,
      SplittableRandom random) {
    int n = buildings.size();
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      key[i] = villageOrder.indexOf(village(buildings.get(i))) + 1.6 * random.nextDouble();
    }
    List<Integer> byKey =
        java.util.stream.IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> key[i]).thenComparingInt(i -> i))
            .toList();
    int visitedCount = (int) Math.round(n * 0.6);
    double lastKey = key[byKey.get(visitedCount - 1)];
    Set<Integer> visited = new HashSet<>(byKey.subList(0, visitedCount));
    List<DemoChange> changes = new ArrayList<>();
    String id = SECOND.id();
    for (int i = 0; i < n; i++) {
      if (!visited.contains(i)) {
        continue;
      }
      DemoBuilding b = buildings.get(i);
      String who = workerByGrid.get(b.gridCode());
      int day = Math.min((int) (key[i] / lastKey * 36) + random.nextInt(3), 37);
      double u = random.nextDouble();
      if (u < 0.90) {
        changes.add(change(id, b, day, "compliant", who, "", random));
      } else if (u < 0.96) {
        changes.add(change(id, b, day, "registered", who, "户主不在家，已登记待复核", random));
      } else {
        changes.add(change(id, b, day, "imperfect_procedures", who, "新建附属用房未办理审批手续", random));
        if (u >= 0.99) {
          changes.add(change(id, b, day + 2, "under_rectification", who, "已下发限期整改通知书", random));
        }
      }
    }
    return changes;
  }

  private static String village(DemoBuilding b) {
    return b.gridCode().substring(0, 12);
  }

  private static DemoChange change(
      String campaign,
      DemoBuilding b,
      int day,
      String status,
      String who,
      String note,
      SplittableRandom random) {
    int minute = 510 + random.nextInt(540);
    return new DemoChange(
        campaign,
        b.ref(),
        day,
        String.format("%02d:%02d", minute / 60, minute % 60),
        status,
        who,
        note);
  }
}
