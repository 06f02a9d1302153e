package org.gridmap.layer;

import java.time.Instant;
import org.gridmap.geo.Bbox;

/**
 * What a layer covers: the lon/lat box of its geometries (null when the layer is empty) and, for
 * layers with time, the first and last time (null when unknown).
 */
public record LayerExtent(Bbox bbox, Instant first, Instant last) {
  public static final LayerExtent EMPTY = new LayerExtent(null, null, null);
}
