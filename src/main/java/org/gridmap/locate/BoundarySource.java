package org.gridmap.locate;

/**
 * Where the index reads boundaries from: the area table, or a fixed set in benchmarks and tests.
 */
public interface BoundarySource {

  /** A number that changes whenever any boundary changes; cheap to ask often. */
  long revision();

  /** Every current boundary, read consistently with the revision it carries. */
  BoundarySet load();
}
