package org.gridmap.place;

import java.time.Instant;

/**
 * One inspection of a key place: who inspected and when, what they found, and the safety-hazard
 * event made for the hazards ({@code hazardEventId}, null when none was made). Staff only.
 */
public record Inspection(
    long id,
    long placeId,
    Instant inspectedAt,
    String inspector,
    InspectionResult result,
    String hazards,
    String note,
    String hazardEventId,
    String recordedBy,
    Instant createdAt) {}
