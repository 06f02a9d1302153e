package org.gridmap.area;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The stored area hierarchy. Reads see the current version of every boundary. */
public interface AreaRepository {

  List<AreaLevel> levels();

  /** The levels that have at least one current area, in rank order. */
  List<AreaLevel> levelsInUse();

  /** Current areas matching the query, ordered by level rank, then code. */
  List<Area> list(AreaQuery query);

  Optional<Area> find(String code);

  /** The area and its ancestors, from the root down to the area itself. */
  List<Area> pathOf(String code);

  Optional<AreaFeature> feature(String code);

  /** Calls {@code sink} with each current area of the query and its boundary, one at a time. */
  void forEachFeature(AreaQuery query, Consumer<AreaFeature> sink);

  long countCurrent();

  /** Stores all areas in one transaction: every one or none. Parents must come before children. */
  void insertAll(List<NewArea> areas);
}
