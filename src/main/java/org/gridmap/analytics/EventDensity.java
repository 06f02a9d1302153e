package org.gridmap.analytics;

import java.util.List;

/**
 * Counts events per cell, applying the query's filters and the caller's scope in the query itself
 * ({@code path LIKE ANY(scopePatterns)}, patterns from {@code Scope.likePatterns()}).
 */
public interface EventDensity {

  /** The non-empty cells of the query's grid with their counts, in no particular order. */
  List<CellCount> countByCell(AnalyticsQuery query, String[] scopePatterns);

  /** Up to {@code limit} events of the query as points, newest first. */
  List<EventPoint> points(AnalyticsQuery query, String[] scopePatterns, int limit);
}
