package org.gridmap.locate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridmap.locate.Assignment.AreaRef;
import org.gridmap.locate.Assignment.Candidate;

/**
 * An immutable in-memory index over the current boundaries of every level, answering which grid a
 * point is in, with its path from the top of the hierarchy, in well under a microsecond.
 *
 * <h2>The boundary rule</h2>
 *
 * Coordinates are WGS84 longitude, latitude, in that order, everywhere.
 *
 * <ul>
 *   <li>A point inside a grid belongs to it.
 *   <li>A point exactly on an edge or a vertex belongs to the grids whose closure contains it (the
 *       polygon with its boundary); when several grids share that edge or vertex, it belongs to the
 *       one with the <b>smallest code</b> (Java/Unicode string order; with equal-length numeric
 *       codes that is numeric order). So a point on a grid's outer edge with no neighbour belongs
 *       to that grid, and every point of a gapless tiling belongs to exactly one grid.
 *   <li>A point in a hole is not in the polygon; a point on a hole's edge is on the boundary.
 *   <li>"Exactly" is decided with exact arithmetic (JTS's robust orientation predicate), never by a
 *       distance tolerance: a point 1 mm inside a grid is inside it. Nearby grids within a
 *       tolerance are reported separately, as {@link Assignment#ambiguous()}.
 * </ul>
 *
 * <h2>The hierarchy</h2>
 *
 * The point is looked up at the grid level (the level {@code grid}, or the deepest level when there
 * is none); the levels above follow from the parent codes, so the path is always a consistent
 * chain. Levels below (micro-grids) are looked up among the children of the found grid. A point in
 * no grid is looked up in the levels above, from the bottom up, and gets a shorter path; a point in
 * no area at all is {@link Assignment#outside()}.
 */
public final class GridIndex {
  /** The level at which points are assigned, when it exists. */
  public static final String GRID_LEVEL = "grid";

  private final long revision;
  private final List<LevelIndex> levels; // top down, only levels with areas
  private final int gridLevel; // position in levels, -1 when there are no areas
  private final Map<String, AreaRef[]> paths = new HashMap<>();
  private final Map<String, Integer> versions;

  private GridIndex(long revision, List<LevelIndex> levels, Map<String, Integer> versions) {
    this.versions = versions;
    this.revision = revision;
    this.levels = levels;
    int g = levels.size() - 1;
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).level.equals(GRID_LEVEL)) {
        g = i;
      }
    }
    this.gridLevel = g;
    Map<String, AreaRef> byCode = new HashMap<>();
    Map<String, String> parentOf = new HashMap<>();
    for (LevelIndex l : levels) {
      for (int i = 0; i < l.size(); i++) {
        byCode.put(l.refs[i].code(), l.refs[i]);
        parentOf.put(l.refs[i].code(), l.parents[i]);
      }
    }
    for (String code : byCode.keySet()) {
      List<AreaRef> chain = new ArrayList<>();
      for (String c = code; c != null && byCode.containsKey(c) && chain.size() < 64; ) {
        chain.add(0, byCode.get(c));
        c = parentOf.get(c);
      }
      paths.put(code, chain.toArray(AreaRef[]::new));
    }
  }

  /** Builds the index of a boundary set: seconds for 100,000 grids. */
  public static GridIndex build(BoundarySet set) {
    Map<String, List<Boundary>> byLevel = new LinkedHashMap<>();
    for (String level : set.levels()) {
      byLevel.put(level, new ArrayList<>());
    }
    for (Boundary b : set.boundaries()) {
      List<Boundary> list = byLevel.get(b.level());
      if (list == null) {
        throw new IllegalArgumentException(
            "area " + b.code() + " has level " + b.level() + ", not one of " + set.levels());
      }
      list.add(b);
    }
    List<LevelIndex> levels = new ArrayList<>();
    byLevel.forEach(
        (level, areas) -> {
          if (!areas.isEmpty()) {
            levels.add(new LevelIndex(level, areas));
          }
        });
    Map<String, Integer> versions = new HashMap<>();
    set.boundaries().forEach(b -> versions.put(b.code(), b.version()));
    return new GridIndex(set.revision(), List.copyOf(levels), versions);
  }

  public static GridIndex empty() {
    return new GridIndex(0, List.of(), Map.of());
  }

  /** The boundary version ({@code area.version}) of an indexed area, or 0 when unknown. */
  public int versionOf(String code) {
    return versions.getOrDefault(code, 0);
  }

  /** The revision of the boundaries this index was built from. */
  public long revision() {
    return revision;
  }

  /** Number of areas at the grid level. */
  public int gridCount() {
    return gridLevel < 0 ? 0 : levels.get(gridLevel).size();
  }

  /**
   * The grid containing the point under the boundary rule, as an ordinal for {@link #gridCode}, or
   * -1 when it is in no grid. Allocation-free: this is the bulk and benchmark path.
   */
  public int gridAt(double lon, double lat) {
    return gridLevel < 0 ? -1 : levels.get(gridLevel).find(lon, lat);
  }

  public String gridCode(int ordinal) {
    return levels.get(gridLevel).refs[ordinal].code();
  }

  /**
   * The full answer for a point: path, grid, distance to the grid's boundary, and the grids within
   * {@code toleranceM} metres (or the nearest grid when the point is in none).
   */
  public Assignment locate(double lon, double lat, double toleranceM) {
    if (gridLevel < 0) {
      return new Assignment(lon, lat, List.of(), null, true, false, List.of(), null, null);
    }
    LevelIndex grids = levels.get(gridLevel);
    int g = grids.find(lon, lat);
    if (g >= 0) {
      List<AreaRef> path = new ArrayList<>(List.of(paths.get(grids.refs[g].code())));
      String parent = grids.refs[g].code();
      for (int i = gridLevel + 1; i < levels.size(); i++) {
        LevelIndex below = levels.get(i);
        int c = below.findChild(lon, lat, parent);
        if (c < 0) {
          break;
        }
        path.add(below.refs[c]);
        parent = below.refs[c].code();
      }
      double d = grids.shapes[g].distanceToEdgeM(lon, lat);
      List<Candidate> near = d <= toleranceM ? grids.near(lon, lat, toleranceM, g) : List.of();
      return new Assignment(
          lon, lat, List.copyOf(path), grids.refs[g], false, !near.isEmpty(), near, d, null);
    }
    List<AreaRef> path = List.of();
    for (int i = gridLevel - 1; i >= 0; i--) {
      int a = levels.get(i).find(lon, lat);
      if (a >= 0) {
        path = List.of(paths.get(levels.get(i).refs[a].code()));
        break;
      }
    }
    List<Candidate> near = grids.near(lon, lat, toleranceM, -1);
    return new Assignment(
        lon, lat, path, null, path.isEmpty(), !near.isEmpty(), near, null, grids.nearest(lon, lat));
  }

  /** Share of raster cells that answer without a polygon test, per level (diagnostics). */
  public Map<String, Double> pureCellShare() {
    Map<String, Double> m = new LinkedHashMap<>();
    levels.forEach(l -> m.put(l.level, l.pureShare()));
    return m;
  }
}
