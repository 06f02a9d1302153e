package org.gridmap.area;

import java.util.List;

/**
 * Which areas a point belongs to, answered at write time and stored with the point so that later
 * boundary changes never rewrite history: the codes from the town down to the grid, and the
 * boundary version of the grid used. {@code outside} points belong to no grid (all codes null).
 *
 * @param pathCodes codes from the root level down to the grid, e.g. [town, community, grid]
 * @param boundaryVersion the {@code area.version} of the grid's boundary that was used
 */
public record GridAssignment(
    List<String> pathCodes,
    String gridCode,
    String gridName,
    int boundaryVersion,
    boolean outside) {

  public static GridAssignment outsideCoverage() {
    return new GridAssignment(List.of(), null, null, 0, true);
  }

  /** An assignment as stored with a point (the grid's name is not stored with it). */
  public static GridAssignment ofStored(String path, String gridCode, int boundaryVersion) {
    return new GridAssignment(Area.codesOfPath(path), gridCode, null, boundaryVersion, false);
  }

  /** The code at a depth of the path (0 = root), or null when the path is shorter. */
  public String codeAt(int depth) {
    return depth < pathCodes.size() ? pathCodes.get(depth) : null;
  }

  /** The stored path form, {@code /town/community/grid/}, or null when outside. */
  public String path() {
    return outside ? null : "/" + String.join("/", pathCodes) + "/";
  }
}
