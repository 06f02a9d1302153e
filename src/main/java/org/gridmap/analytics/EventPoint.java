package org.gridmap.analytics;

import java.time.Instant;

/** One event as a raw point (lon, lat in EPSG:4326) for the zoomed-in heat layer. */
public record EventPoint(long id, double lon, double lat, String type, Instant reportedAt) {}
