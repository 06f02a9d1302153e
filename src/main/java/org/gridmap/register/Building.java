package org.gridmap.register;

import java.time.Instant;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A building of the register at its location (EPSG:4326, lon then lat), with its optional footprint
 * and the grid it was assigned to when its location was last written: {@code gridCode}, the stored
 * {@code path} ({@code /town/community/grid/}) and the grid's {@code boundaryVersion} then.
 *
 * @param ref the town's own building number (the {@code id} column of an import); may be null
 * @param footprint the outline, or null
 */
public record Building(
    long id,
    String ref,
    String address,
    double lon,
    double lat,
    MultiPolygon footprint,
    String gridCode,
    String path,
    int boundaryVersion,
    HouseholdCounts counts,
    Instant assignedAt,
    Instant createdAt,
    Instant updatedAt) {}
