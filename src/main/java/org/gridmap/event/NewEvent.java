package org.gridmap.event;

import java.time.Instant;

/**
 * A report as received, before validation and grid assignment. {@code x}/{@code y} are in {@code
 * crs} (lon then lat for geographic systems, easting then northing for projected ones); the service
 * turns them into EPSG:4326 lon/lat. Null fields are missing.
 *
 * @param source {@code staff} (POST /api/events) or {@code open311}
 * @param mediaUrl an Open311 client's link to its own copy of a photo, stored as given
 */
public record NewEvent(
    String typeCode,
    Double x,
    Double y,
    String crs,
    Instant occurredAt,
    Severity severity,
    Description description,
    String source,
    Reporter reporter,
    String mediaUrl) {}
