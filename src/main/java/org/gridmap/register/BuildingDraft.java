package org.gridmap.register;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A building as written by a caller, before its grid is assigned. Coordinates are already in
 * EPSG:4326, lon then lat; {@code ref} and {@code footprint} may be null.
 */
public record BuildingDraft(
    String ref,
    String address,
    double lon,
    double lat,
    MultiPolygon footprint,
    HouseholdCounts counts) {}
