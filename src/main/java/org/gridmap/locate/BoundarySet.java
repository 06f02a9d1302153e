package org.gridmap.locate;

import java.util.List;

/**
 * Every current boundary at one moment, with the level codes from the top of the hierarchy down
 * (e.g. town, community, grid) and the revision of the area table they were read at.
 */
public record BoundarySet(long revision, List<String> levels, List<Boundary> boundaries) {
  public BoundarySet {
    levels = List.copyOf(levels);
    boundaries = List.copyOf(boundaries);
  }
}
