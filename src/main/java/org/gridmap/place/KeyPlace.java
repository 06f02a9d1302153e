package org.gridmap.place;

import java.time.Duration;
import java.time.Instant;

/**
 * A key place (重点场所) at its location (EPSG:4326, lon then lat), the grid responsible for it
 * (assigned from the location when written, like a building) and how often it must be inspected.
 * Public are its name, category, location and responsible grid; the rest is for staff.
 *
 * @param inspectionDays the place is due for inspection this many days after the last one (7 =
 *     weekly)
 * @param lastInspectedAt the latest inspection's time, or null when never inspected
 */
public record KeyPlace(
    long id,
    String ref,
    String category,
    String name,
    String address,
    double lon,
    double lat,
    String gridCode,
    String gridName,
    String path,
    int boundaryVersion,
    int inspectionDays,
    Instant lastInspectedAt,
    Instant createdAt,
    Instant updatedAt) {

  /** When the next inspection is due: now for a place never inspected. */
  public Instant nextDue(Instant now) {
    return lastInspectedAt == null ? now : lastInspectedAt.plus(Duration.ofDays(inspectionDays));
  }

  /** True when the place was never inspected or its last inspection is older than its interval. */
  public boolean overdue(Instant now) {
    return lastInspectedAt == null || nextDue(now).isBefore(now);
  }
}
