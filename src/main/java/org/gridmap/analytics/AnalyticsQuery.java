package org.gridmap.analytics;

import java.time.Instant;
import org.locationtech.jts.geom.Envelope;

/**
 * What a heat or hotspot request asks for: events reported in [from, to) inside {@code bbox}
 * (lon/lat degrees, EPSG:4326), optionally of one type and under one area, counted in the cells of
 * {@code zoom}. {@code type} and {@code areaCode} are null for "any".
 */
public record AnalyticsQuery(
    Envelope bbox, int zoom, String type, Instant from, Instant to, String areaCode) {
  public AnalyticsQuery {
    if (bbox == null || bbox.isNull() || bbox.getWidth() <= 0 || bbox.getHeight() <= 0) {
      throw new IllegalArgumentException("the bbox must have an area");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  public CellGrid grid() {
    return CellGrid.ofZoom(zoom);
  }
}
