package org.gridmap.layer;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from a layer: its id, the values of the layer's properties in the layer's
 * order (String, Long, Double, Boolean or Instant; null when absent) and its geometry (EPSG:4326,
 * lon/lat).
 */
public record Feature(String id, List<Object> values, Geometry geometry) {}
