package org.gridmap.layer;

import java.io.IOException;

/** Receives features one at a time while they are read from the database. */
public interface FeatureSink {

  /**
   * Called once, before the first feature, with the number of features the query matches without
   * its limit and offset (or -1 when it was not counted).
   */
  default void begin(long numberMatched) throws IOException {}

  void accept(Feature feature) throws IOException;
}
