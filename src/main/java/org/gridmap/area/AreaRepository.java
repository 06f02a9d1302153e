package org.gridmap.area;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stored area hierarchy. Reads see the current version of every boundary unless given an
 * instant {@code at}, when they see the versions valid then (null means current).
 */
public interface AreaRepository {

  List<AreaLevel> levels();

  /** The levels that have at least one current area, in rank order. */
  List<AreaLevel> levelsInUse();

  /** Areas matching the query, ordered by level rank, then code. */
  List<Area> list(AreaQuery query);

  Optional<Area> find(String code, Instant at);

  default Optional<Area> find(String code) {
    return find(code, null);
  }

  /** The area and its ancestors, from the root down to the area itself. */
  List<Area> pathOf(String code, Instant at);

  default List<Area> pathOf(String code) {
    return pathOf(code, null);
  }

  Optional<AreaFeature> feature(String code, Instant at);

  default Optional<AreaFeature> feature(String code) {
    return feature(code, null);
  }

  /** Calls {@code sink} with each area of the query and its boundary, one at a time. */
  void forEachFeature(AreaQuery query, Consumer<AreaFeature> sink);

  long countCurrent();

  /** Stores all areas in one transaction: every one or none. Parents must come before children. */
  void insertAll(List<NewArea> areas);
}
