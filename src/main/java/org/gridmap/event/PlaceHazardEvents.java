package org.gridmap.event;

import java.time.Instant;
import org.gridmap.access.Principal;
import org.gridmap.place.HazardReporter;
import org.gridmap.place.KeyPlace;

/**
 * The events module's {@link HazardReporter}: an inspection that finds hazards at a key place, and
 * asks for it, reports a safety-hazard event at the place's location, by the inspector, assigned to
 * the grid like any other event. The event's id is kept with the inspection.
 */
public final class PlaceHazardEvents implements HazardReporter {
  static final String SAFETY_HAZARD = "safety_hazard";

  private final Events events;

  public PlaceHazardEvents(Events events) {
    this.events = events;
  }

  @Override
  public String reportHazard(KeyPlace place, Principal by, String description, Instant at) {
    String what = description == null || description.isBlank() ? "检查发现隐患" : description;
    NewEvent report =
        new NewEvent(
            SAFETY_HAZARD,
            place.lon(),
            place.lat(),
            "EPSG:4326",
            at,
            Severity.NORMAL,
            new Description(what, place.name(), null, null),
            "staff",
            new Reporter(by.accountId() == 0 ? null : by.accountId(), null, null, null),
            null);
    return String.valueOf(events.report(by, report, null).event().id());
  }
}
