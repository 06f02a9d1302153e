package org.gridmap.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Polygon;

/**
 * One demo town's areas as the register generators need them: the town, its communities and grids
 * in code order, each grid's parent, and grid shapes in the town's plane (metres).
 */
final class TownAreas {
  private final DemoArea town;
  private final List<DemoArea> communities;
  private final List<DemoArea> grids;
  private final Map<String, DemoArea> byCode = new HashMap<>();
  private final Map<String, Polygon> metres = new HashMap<>();
  private final LocalPlane plane;

  TownAreas(String townCode, List<DemoArea> all) {
    all.forEach(a -> byCode.put(a.code(), a));
    this.town = byCode.get(townCode);
    this.communities = all.stream().filter(a -> townCode.equals(a.parentCode())).toList();
    this.grids =
        all.stream()
            .filter(a -> a.level().equals(DemoArea.GRID) && a.code().startsWith(townCode))
            .toList();
    TownPlan plan =
        TownPlan.demoTowns().stream()
            .filter(p -> p.code().equals(townCode))
            .findFirst()
            .orElseThrow();
    this.plane = LocalPlane.centredAt(plan.lon(), plan.lat());
  }

  DemoArea town() {
    return town;
  }

  List<DemoArea> communities() {
    return communities;
  }

  List<DemoArea> grids() {
    return grids;
  }

  List<DemoArea> gridsOf(DemoArea community) {
    return grids.stream().filter(g -> g.parentCode().equals(community.code())).toList();
  }

  DemoArea parentOf(DemoArea area) {
    return byCode.get(area.parentCode());
  }

  LocalPlane plane() {
    return plane;
  }

  /** The grid's boundary in the town's plane, metres. */
  Polygon metres(DemoArea grid) {
    return metres.computeIfAbsent(
        grid.code(), c -> (Polygon) plane.toMetres(grid.boundary()).getGeometryN(0));
  }

  /** The community's name without 社区 or 村: 和平, 李家. */
  static String shortName(DemoArea community) {
    return community.name().replaceFirst("(社区|村)$", "");
  }
}
