package org.gridmap.survey;

import java.time.Instant;

/**
 * A building's record in one campaign: the building (id, the town's ref, address, grid, location
 * EPSG:4326 lon/lat, households) and its current survey status.
 */
public record SurveyRecord(
    long campaignId,
    long buildingId,
    String ref,
    String address,
    String gridCode,
    double lon,
    double lat,
    int households,
    SurveyStatus status,
    Instant updatedAt) {}
