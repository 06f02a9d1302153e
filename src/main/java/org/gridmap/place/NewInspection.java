package org.gridmap.place;

import java.time.Instant;

/**
 * An inspection as reported. {@code inspectedAt} null means now, {@code inspector} null means the
 * caller; {@code hazards} describes what was found and is required with {@link
 * InspectionResult#HAZARDS_FOUND}; {@code reportHazard} asks for a safety-hazard event at the
 * place.
 */
public record NewInspection(
    Instant inspectedAt,
    String inspector,
    InspectionResult result,
    String hazards,
    String note,
    boolean reportHazard) {}
