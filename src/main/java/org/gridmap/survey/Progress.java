package org.gridmap.survey;

import java.util.List;
import java.util.Map;

/**
 * How far a campaign has come in an area: for the area, per village (community level) and per grid,
 * and the buildings not visited yet. Counts are of the records the caller's scope covers.
 */
public record Progress(
    Row total,
    List<Row> villages,
    List<Row> grids,
    long notVisitedTotal,
    List<SurveyRecord> notVisited) {

  /** One area's figures: buildings and households surveyed, visited, and buildings by status. */
  public record Row(
      String code,
      String name,
      String level,
      long buildings,
      long households,
      long visited,
      Map<String, Long> byStatus) {

    /** Visited buildings in per cent of all, to one decimal; 0 when there are none. */
    public double visitedPercent() {
      return buildings == 0 ? 0 : Math.round(visited * 1000.0 / buildings) / 10.0;
    }
  }
}
