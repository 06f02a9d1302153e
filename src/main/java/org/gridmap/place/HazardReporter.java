package org.gridmap.place;

import java.time.Instant;
import org.gridmap.access.Principal;

/**
 * Makes a safety-hazard event at a key place when an inspection finds hazards and the inspector
 * asks for one. The events module implements it; its answer is stored with the inspection.
 */
public interface HazardReporter {

  /**
   * Reports a hazard found at {@code place} by {@code by} at {@code at}; returns the new event's
   * id, or null when no event was made.
   */
  String reportHazard(KeyPlace place, Principal by, String description, Instant at);

  /**
   * Until the events module is wired in: makes no event and answers null, so inspections keep
   * {@code hazardEventId} empty. Pending, not a silent success: the inspection answer says that no
   * event was made.
   */
  HazardReporter PENDING = (place, by, description, at) -> null;
}
